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
}

public enum MailTransportKind
{
    Pickup,
    Smtp,
}

public sealed class SmtpSettings
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 25;

    /// <summary>STARTTLS (System.Net.Mail's EnableSsl).</summary>
    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public int TimeoutSeconds { get; set; } = 30;
}
