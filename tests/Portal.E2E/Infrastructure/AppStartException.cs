namespace Portal.E2E.Infrastructure;

/// <summary>
/// An application under test did not become ready. The message says why, what the fixture was
/// waiting for (<see cref="Stage"/>) and ends with the tail of the application's own log.
/// </summary>
public sealed class AppStartException(string message, string stage) : Exception(message)
{
    /// <summary>What the fixture was waiting for when it gave up, e.g. "waiting for http://localhost:1234/health/ready to answer 200".</summary>
    public string Stage { get; } = stage;
}
