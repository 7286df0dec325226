namespace Portal.SecureMail.Models;

/// <summary>What a password attempt came to.</summary>
public enum UnlockOutcome
{
    Unlocked,
    WrongPassword,

    /// <summary>Too many wrong passwords: refused whatever the password until staff re-open it.</summary>
    Locked,
    Expired,
    Revoked,

    /// <summary>The link was unlocked as many times as the sender allowed.</summary>
    OpensUsed,

    /// <summary>This IP gave too many wrong passwords lately (over all messages): not even checked.</summary>
    Throttled,
}
