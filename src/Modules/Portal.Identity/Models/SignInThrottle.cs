namespace Portal.Identity.Models;

/// <summary>
/// Failed sign-ins counted for one key: an account (as typed, hashed, whether or not it exists), a
/// client IP, or a trusted device. See <see cref="Services.SignInThrottling"/>.
/// </summary>
public sealed class SignInThrottle
{
    /// <summary>"account:{sha256}", "ip:{address}" or "device:{id}".</summary>
    public string Key { get; set; } = "";

    public int Failures { get; set; }

    public DateTime WindowStartedAt { get; set; }

    public DateTime? BlockedUntil { get; set; }
}
