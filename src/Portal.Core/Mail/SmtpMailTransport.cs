using Microsoft.Extensions.Options;

namespace Portal.Core.Mail;

/// <summary>
/// Sends through an SMTP server with MailKit (Microsoft's documentation recommends it over
/// System.Net.Mail's SmtpClient): STARTTLS or implicit TLS as configured, authentication when a user
/// name is set, and a timeout on every network operation. One connection per message: the outbox
/// sends one message per job, and a failed connection then costs one attempt of one message.
/// </summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var settings = options.Value.Smtp;
        using var message = OutgoingMimeMessage.Create(mail);
        using var client = await SmtpSession.OpenAsync(settings, $"Set {MailOptions.Section}:Smtp:Security to StartTls or SslOnConnect.", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    /// <summary>"AB:CD:..." or "abcd..." as bytes; the validator has checked it is 32 bytes of hex.</summary>
    internal static byte[]? Fingerprint(string? hex)
        => string.IsNullOrWhiteSpace(hex) ? null : System.Convert.FromHexString(hex.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal));
}
