using System.Net.Security;
using System.Security.Cryptography;
using MailKit.Net.Smtp;
using MailKit.Security;
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
        using var client = new SmtpClient
        {
            Timeout = (int)TimeSpan.FromSeconds(settings.TimeoutSeconds).TotalMilliseconds,
            CheckCertificateRevocation = settings.CheckCertificateRevocation,
        };
        if (!string.IsNullOrWhiteSpace(settings.LocalDomain))
        {
            client.LocalDomain = settings.LocalDomain;
        }

        if (Fingerprint(settings.TrustedCertificateSha256) is { } pinned)
        {
            client.ServerCertificateValidationCallback = (_, certificate, _, errors)
                => errors == SslPolicyErrors.None
                    || (certificate is not null && CryptographicOperations.FixedTimeEquals(certificate.GetCertHash(HashAlgorithmName.SHA256), pinned));
        }

        await client.ConnectAsync(settings.Host, settings.Port, settings.EffectiveSecurity, cancellationToken);
        if (settings.HasCredentials)
        {
            // A password is never sent over a connection anyone on the path can read, unless the
            // operator said in so many words that this server gets no TLS.
            if (!client.IsSecure && settings.Security != SecureSocketOptions.None)
            {
                throw new AuthenticationException(
                    $"The connection to {settings.Host}:{settings.Port} is not encrypted, so the SMTP credentials were not sent. "
                    + $"Set {MailOptions.Section}:Smtp:Security to StartTls or SslOnConnect.");
            }

            await client.AuthenticateAsync(settings.UserName!, settings.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    /// <summary>"AB:CD:..." or "abcd..." as bytes; the validator has checked it is 32 bytes of hex.</summary>
    internal static byte[]? Fingerprint(string? hex)
        => string.IsNullOrWhiteSpace(hex) ? null : System.Convert.FromHexString(hex.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal));
}
