using System.Net.Security;
using System.Security.Cryptography;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Portal.Core.Mail;

/// <summary>
/// One connection to an SMTP server, opened as <see cref="SmtpSettings"/> say: TLS as configured, a
/// timeout on every network operation, and credentials only over an encrypted connection (unless the
/// settings said in so many words that the server gets no TLS). Shared by the platform's transport and
/// a practice's own server.
/// </summary>
internal static class SmtpSession
{
    /// <summary>Connects and signs in; <paramref name="fixHint"/> tells the reader where to choose TLS when credentials were held back.</summary>
    public static async Task<SmtpClient> OpenAsync(SmtpSettings settings, string fixHint, CancellationToken cancellationToken)
    {
        var client = new SmtpClient
        {
            Timeout = (int)TimeSpan.FromSeconds(settings.TimeoutSeconds).TotalMilliseconds,
            CheckCertificateRevocation = settings.CheckCertificateRevocation,
        };
        try
        {
            if (!string.IsNullOrWhiteSpace(settings.LocalDomain))
            {
                client.LocalDomain = settings.LocalDomain;
            }

            if (SmtpMailTransport.Fingerprint(settings.TrustedCertificateSha256) is { } pinned)
            {
                client.ServerCertificateValidationCallback = (_, certificate, _, errors)
                    => errors == SslPolicyErrors.None
                        || (certificate is not null && CryptographicOperations.FixedTimeEquals(certificate.GetCertHash(HashAlgorithmName.SHA256), pinned));
            }

            await client.ConnectAsync(settings.Host, settings.Port, settings.EffectiveSecurity, cancellationToken);
            if (settings.HasCredentials)
            {
                if (!client.IsSecure && settings.Security != SecureSocketOptions.None)
                {
                    throw new AuthenticationException(
                        $"The connection to {settings.Host}:{settings.Port} is not encrypted, so the SMTP credentials were not sent. {fixHint}");
                }

                await client.AuthenticateAsync(settings.UserName!, settings.Password ?? "", cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}
