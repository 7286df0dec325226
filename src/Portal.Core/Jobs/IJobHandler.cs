namespace Portal.Core.Jobs;

/// <summary>
/// Runs one type of job. Jobs are delivered at least once, so a handler must be idempotent: running
/// it twice for the same job must not do the work twice. Throwing schedules a retry with backoff.
/// </summary>
public interface IJobHandler
{
    static abstract string JobType { get; }

    Task ExecuteAsync(JobContext context, CancellationToken cancellationToken);
}
