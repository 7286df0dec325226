using MailKit.Security;

namespace Portal.Core.Mail;

/// <summary>Configuration section <c>Portal:Mail</c>.</summary>
public sealed class MailOptions
{
    public const string Section = "Portal:Mail";

    /// <summary><c>Pickup</c> (default): write .eml files to <see cref="PickupDirectory"/>; <c>Smtp</c>: send.</summary>
    public MailTransportKind Transport { get; set; } = MailTransportKind.Pickup;

    /// <summary>Relative to App_Data unless absolute.</summary>
    public string PickupDirectory { get; set; } = "mail";

    public string FromAddress { get; set; } = "portal@localhost";

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>Whether practices may send through their own SMTP servers (Customize, E-mail); off by default.</summary>
    public bool AllowPracticeSmtp { get; set; }

    /// <summary>How long checking a practice's server or sending its test e-mail may wait for each answer; short, since a person is waiting.</summary>
    public int PracticeSmtpTimeoutSeconds { get; set; } = 10;
}

public enum MailTransportKind
{
    Pickup,
    Smtp,
}

/// <summary>Configuration section <c>Portal:Mail:Smtp</c>, read by <see cref="SmtpMailTransport"/> (MailKit).</summary>
public sealed class SmtpSettings
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 25;

    /// <summary>
    /// How the connection is protected, as MailKit's <see cref="SecureSocketOptions"/>: <c>None</c>,
    /// <c>StartTls</c> (required), <c>StartTlsWhenAvailable</c>, <c>SslOnConnect</c> (implicit TLS,
    /// port 465) or <c>Auto</c>. Unset: <c>StartTls</c> when <see cref="EnableSsl"/> is true, else <c>None</c>.
    /// </summary>
    public SecureSocketOptions? Security { get; set; }

    /// <summary>The setting of the System.Net.Mail transport: true requires STARTTLS. Kept so existing configuration keeps requiring it.</summary>
    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Each network operation (connecting, one command, sending the message) must finish within this.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>The name the client gives in EHLO; MailKit's default (the machine's name) when unset.</summary>
    public string? LocalDomain { get; set; }

    /// <summary>Check the server certificate's revocation (OCSP/CRL). Turn off only where those cannot be reached.</summary>
    public bool CheckCertificateRevocation { get; set; } = true;

    /// <summary>
    /// The SHA-256 fingerprint (hex) of a server certificate to accept although no trusted authority
    /// issued it, such as an internal relay's self-signed one: pinning that certificate is safer than
    /// turning validation off. Any other certificate is still validated as usual.
    /// </summary>
    public string? TrustedCertificateSha256 { get; set; }

    public SecureSocketOptions EffectiveSecurity => Security ?? (EnableSsl ? SecureSocketOptions.StartTls : SecureSocketOptions.None);

    public bool HasCredentials => !string.IsNullOrEmpty(UserName);
}
