using System.ComponentModel.DataAnnotations;
using MailKit.Security;
using Portal.Core.Settings;

namespace Portal.Core.Mail;

/// <summary>
/// Who the practice's e-mails come from: the sender's name and the Reply-To address of every e-mail it
/// sends, and, when the platform allows it (<see cref="MailOptions.AllowPracticeSmtp"/>), the
/// practice's own SMTP server, so mail can come from the firm's own domain. The password is a secret:
/// sealed in the database and never shown back.
/// </summary>
public sealed record MailIdentitySettings : ISettingsSection
{
    public const int MaxNameLength = 100;
    public const int MaxHostLength = 253;
    public const int MaxUserNameLength = 200;

    /// <summary>Connection protection choices, as MailKit names them.</summary>
    public const string StartTls = nameof(SecureSocketOptions.StartTls);
    public const string SslOnConnect = nameof(SecureSocketOptions.SslOnConnect);
    public const string NoTls = nameof(SecureSocketOptions.None);

    public static string SectionName => "mail-identity";

    /// <summary>The sender's display name; the practice's name when empty.</summary>
    public string? SenderName { get; init; }

    /// <summary>Where replies go; the site's contact e-mail when empty.</summary>
    public string? ReplyTo { get; init; }

    /// <summary>Send through the server below (only while the platform allows it).</summary>
    public bool UseOwnSmtp { get; init; }

    /// <summary>The From address on the practice's own server (its domain's SPF and DKIM must allow that server).</summary>
    public string? FromAddress { get; init; }

    public string? SmtpHost { get; init; }

    public int SmtpPort { get; init; } = 587;

    /// <summary><see cref="StartTls"/>, <see cref="SslOnConnect"/> or <see cref="NoTls"/> (only without a user name).</summary>
    public string SmtpSecurity { get; init; } = StartTls;

    public string? SmtpUserName { get; init; }

    public SecretString? SmtpPassword { get; init; }

    /// <summary>The server's settings as the transport reads them, with a timeout for each network operation.</summary>
    public SmtpSettings ToSmtpSettings(int timeoutSeconds) => new()
    {
        Host = SmtpHost ?? "",
        Port = SmtpPort,
        Security = Enum.Parse<SecureSocketOptions>(SmtpSecurity),
        UserName = string.IsNullOrWhiteSpace(SmtpUserName) ? null : SmtpUserName,
        Password = SmtpPassword?.Reveal(),
        TimeoutSeconds = timeoutSeconds,
    };

    public static IEnumerable<SettingsProblem> Validate(MailIdentitySettings mail)
    {
        if (mail.SenderName is { } name && (name.Length > MaxNameLength || name.Any(char.IsControl)))
        {
            yield return SettingsProblem.Of(nameof(SenderName), $"must be at most {MaxNameLength} characters on one line.");
        }

        if (mail.ReplyTo is { } replyTo && !IsAddress(replyTo))
        {
            yield return SettingsProblem.Of(nameof(ReplyTo), "must be an e-mail address such as office@yourpractice.com.");
        }

        if (mail.FromAddress is { } from && !IsAddress(from))
        {
            yield return SettingsProblem.Of(nameof(FromAddress), "must be an e-mail address such as portal@yourpractice.com.");
        }

        if (mail.SmtpHost is { } host && (host.Length > MaxHostLength || Uri.CheckHostName(host) == UriHostNameType.Unknown))
        {
            yield return SettingsProblem.Of(nameof(SmtpHost), "must be a server name such as smtp.yourpractice.com.");
        }

        if (mail.SmtpPort is < 1 or > 65535)
        {
            yield return SettingsProblem.Of(nameof(SmtpPort), "must be a port number between 1 and 65535 (usually 587, or 465 for TLS).");
        }

        if (mail.SmtpSecurity is not (StartTls or SslOnConnect or NoTls))
        {
            yield return SettingsProblem.Of(nameof(SmtpSecurity), "must be STARTTLS, TLS or none.");
        }
        else if (mail.SmtpSecurity == NoTls && !string.IsNullOrWhiteSpace(mail.SmtpUserName))
        {
            yield return SettingsProblem.Of(nameof(SmtpSecurity), "must be STARTTLS or TLS when a user name is set: a password is never sent over an unencrypted connection.");
        }

        if (mail.SmtpUserName is { Length: > MaxUserNameLength })
        {
            yield return SettingsProblem.Of(nameof(SmtpUserName), $"must be at most {MaxUserNameLength} characters.");
        }

        if (mail.UseOwnSmtp)
        {
            if (string.IsNullOrWhiteSpace(mail.SmtpHost))
            {
                yield return SettingsProblem.Of(nameof(SmtpHost), "is needed to send through your own server.");
            }

            if (string.IsNullOrWhiteSpace(mail.FromAddress))
            {
                yield return SettingsProblem.Of(nameof(FromAddress), "is needed to send through your own server: an address of your domain that the server may send from.");
            }
        }
    }

    private static bool IsAddress(string text) => text.Length <= 320 && new EmailAddressAttribute().IsValid(text) && MimeKit.MailboxAddress.TryParse(text, out _);
}
