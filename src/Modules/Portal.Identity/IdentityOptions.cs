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
}
