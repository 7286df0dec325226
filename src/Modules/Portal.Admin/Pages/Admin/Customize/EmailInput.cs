using Portal.Core.Mail;
using Portal.Core.Settings;

namespace Portal.Admin.Pages.Admin.Customize;

/// <summary>The e-mail identity form: what the section holds, with the password as a "set / replace" entry.</summary>
public sealed class EmailInput
{
    public string? SenderName { get; set; }

    public string? ReplyTo { get; set; }

    public bool UseOwnSmtp { get; set; }

    public string? FromAddress { get; set; }

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public string? SmtpSecurity { get; set; } = MailIdentitySettings.StartTls;

    public string? SmtpUserName { get; set; }

    public SecretEntry Password { get; set; } = new();

    /// <summary>Where "Send test e-mail" sends (the signed-in person by default); not saved.</summary>
    public string? TestRecipient { get; set; }

    public static EmailInput From(MailIdentitySettings settings) => new()
    {
        SenderName = settings.SenderName,
        ReplyTo = settings.ReplyTo,
        UseOwnSmtp = settings.UseOwnSmtp,
        FromAddress = settings.FromAddress,
        SmtpHost = settings.SmtpHost,
        SmtpPort = settings.SmtpPort,
        SmtpSecurity = settings.SmtpSecurity,
        SmtpUserName = settings.SmtpUserName,
        Password = SecretEntry.For(settings.SmtpPassword),
    };

    /// <summary>The section as this form would change it; the server's fields only when the platform allows own servers.</summary>
    public MailIdentitySettings ApplyTo(MailIdentitySettings current, bool allowOwnServer)
    {
        var identity = current with { SenderName = Clean(SenderName), ReplyTo = Clean(ReplyTo) };
        return !allowOwnServer ? identity : identity with
        {
            UseOwnSmtp = UseOwnSmtp,
            FromAddress = Clean(FromAddress),
            SmtpHost = Clean(SmtpHost),
            SmtpPort = SmtpPort,
            SmtpSecurity = SmtpSecurity?.Trim() ?? "",
            SmtpUserName = Clean(SmtpUserName),
            SmtpPassword = Password.ApplyTo(current.SmtpPassword),
        };
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
