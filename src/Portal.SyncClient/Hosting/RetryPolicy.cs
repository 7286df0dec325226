namespace PortalSync.Hosting;

/// <summary>How often and how patiently a call that failed on the way (network, 429, 5xx) is tried again.</summary>
internal sealed record RetryPolicy(int Attempts, TimeSpan FirstDelay, TimeSpan LongestDelay)
{
    public static RetryPolicy Default { get; } = new(8, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

    /// <summary>Exponential, capped; a server's Retry-After wins when it asks for longer.</summary>
    public TimeSpan DelayBefore(int attempt, TimeSpan? retryAfter)
    {
        var exponential = TimeSpan.FromTicks(Math.Min(LongestDelay.Ticks, FirstDelay.Ticks * (1L << Math.Min(attempt, 20))));
        return retryAfter is { } asked && asked > exponential ? TimeSpan.FromTicks(Math.Min(asked.Ticks, LongestDelay.Ticks * 5)) : exponential;
    }
}
