namespace Portal.Sync.Services;

/// <summary>
/// Per-practice request budgets of the sync API and of the authorization server's token endpoints
/// (docs/operations.md). Each practice has its own window; one practice at its limit slows no other.
/// </summary>
public sealed class SyncRateLimitOptions
{
    public const string Section = "Portal:Sync:RateLimits";

    /// <summary>
    /// Calls to /api/v1 per window, per practice (after authentication: a refused token is not counted).
    /// Measured: a first sync of 1,000 documents is over 2,000 calls (two per file), and at 1,200 it
    /// spent 17 of its 43 s of uploads waiting for the budget.
    /// </summary>
    public int ApiRequests { get; set; } = 6000;

    /// <summary>Requests to connect/token, connect/device and connect/revoke per window, per practice.</summary>
    public int TokenRequests { get; set; } = 120;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
