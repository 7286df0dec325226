using Microsoft.Extensions.Options;

namespace Portal.Core.Jobs;

/// <summary>Keeps the queue table small: deletes succeeded jobs after the retention period.</summary>
public sealed class CleanupSucceededJobsHandler(JobStore store, IOptions<JobOptions> options, TimeProvider clock) : IJobHandler<ScheduledRun>
{
    public static string JobType => "jobs.cleanup";

    public Task ExecuteAsync(ScheduledRun payload, JobContext context, CancellationToken cancellationToken)
        => store.DeleteSucceededBeforeAsync(clock.GetUtcNow().UtcDateTime - options.Value.SucceededRetention, cancellationToken);
}
