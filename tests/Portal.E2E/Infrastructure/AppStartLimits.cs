namespace Portal.E2E.Infrastructure;

/// <summary>
/// How long <see cref="AppProcess.StartAsync"/> waits for an application to become ready: at most
/// <paramref name="Budget"/> from its launch, and never longer than <paramref name="Stall"/> without
/// a new line in its log (a start that is slow but moving is waited for; one that is stuck is not).
/// </summary>
public sealed record AppStartLimits(TimeSpan Budget, TimeSpan Stall)
{
    /// <summary>PORTAL_E2E_START_TIMEOUT and PORTAL_E2E_STALL_TIMEOUT, or 5 and 2 minutes.</summary>
    public static AppStartLimits Default { get; } = new(TestEnvironment.StartTimeout, TestEnvironment.StallTimeout);
}
