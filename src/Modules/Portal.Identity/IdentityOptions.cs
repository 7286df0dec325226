namespace Portal.Identity;

/// <summary>Configuration section <c>Portal:Identity</c>.</summary>
public sealed class PortalIdentityOptions
{
    public const string Section = "Portal:Identity";

    /// <summary>How long a set-password (invitation) link works. Default 30 days.</summary>
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a password-reset link works.</summary>
    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>PBKDF2-HMAC-SHA512 iterations (OWASP: at least 210,000).</summary>
    public int PasswordHashIterations { get; set; } = 210_000;

    /// <summary>A session ends after this long without activity.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends after this long whatever the activity.</summary>
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Failed sign-ins are counted in windows of this length.</summary>
    public TimeSpan ThrottleWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a key (an account for new browsers, an IP, a device) stays blocked.</summary>
    public TimeSpan ThrottleBlock { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failures on one account from browsers it has never signed in from, before those are blocked.</summary>
    public int AccountFailuresBeforeBlock { get; set; } = 10;

    /// <summary>Failures from one IP address (any account) before it is blocked: stops password spraying.</summary>
    public int IpFailuresBeforeBlock { get; set; } = 50;

    /// <summary>Failures from one trusted device before it is blocked too.</summary>
    public int DeviceFailuresBeforeBlock { get; set; } = 10;
}
