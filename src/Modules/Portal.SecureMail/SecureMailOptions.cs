namespace Portal.SecureMail;

/// <summary>Settings of the recipient's side (configuration section "Portal:SecureMail"; docs/operations.md).</summary>
public sealed class SecureMailOptions
{
    public const string Section = "Portal:SecureMail";

    /// <summary>Wrong passwords one IP may give, over all messages of a practice, within <see cref="IpAttemptWindow"/>, before it is refused (429).</summary>
    public int IpAttemptLimit { get; set; } = 20;

    public TimeSpan IpAttemptWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long an unlocked browser session sees the message before the password is asked again.</summary>
    public TimeSpan UnlockedSessionLifetime { get; set; } = TimeSpan.FromMinutes(30);

    public bool IsValid => IpAttemptLimit > 0 && IpAttemptWindow > TimeSpan.Zero
        && UnlockedSessionLifetime >= TimeSpan.FromMinutes(1) && UnlockedSessionLifetime <= TimeSpan.FromHours(12);
}
