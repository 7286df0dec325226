using System.Collections.Concurrent;
using Portal.Core.Jobs;
using Portal.Core.Tenancy;

namespace Portal.Tests.Core.Jobs;

public sealed record FlakyJob(string Key, int FailTimes);

/// <summary>Fails its first N runs, then succeeds; remembers every run (across application restarts in one test process).</summary>
public sealed class FlakyJobHandler : IJobHandler<FlakyJob>
{
    public static readonly ConcurrentDictionary<string, ConcurrentQueue<int>> Runs = new();

    public static string JobType => "test.flaky";

    public Task ExecuteAsync(FlakyJob job, JobContext context, CancellationToken cancellationToken)
    {
        Runs.GetOrAdd(job.Key, _ => new ConcurrentQueue<int>()).Enqueue(context.Attempt);
        return context.Attempt <= job.FailTimes
            ? throw new InvalidOperationException($"Planned failure {context.Attempt} of {job.FailTimes}")
            : Task.CompletedTask;
    }
}

public sealed record RecordedJob(string Key);

/// <summary>Records which worker ran each job, to prove no job runs twice.</summary>
public sealed class RecordingJobHandler(JobWorker worker) : IJobHandler<RecordedJob>
{
    public static readonly ConcurrentDictionary<Guid, ConcurrentBag<string>> Runs = new();

    public static string JobType => "test.record";

    public async Task ExecuteAsync(RecordedJob job, JobContext context, CancellationToken cancellationToken)
    {
        Runs.GetOrAdd(context.JobId, _ => []).Add(worker.WorkerId);
        await Task.Delay(Random.Shared.Next(2, 15), cancellationToken);
    }
}

public sealed record NightlyRun(string Practice, DateTime ScheduledAt, int Attempt);

/// <summary>A practice recurring job at 02:00 where the practice is; records each run and fails the first attempts of the practices told to.</summary>
public sealed class NightlyJobHandler(TenantContext tenantContext) : IJobHandler<ScheduledRun>
{
    public const string Schedule = "0 2 * * *";

    private static readonly ConcurrentDictionary<string, ConcurrentQueue<NightlyRun>> Runs = new();

    /// <summary>Practice name → how many attempts of its runs throw.</summary>
    public static readonly ConcurrentDictionary<string, int> FailingAttempts = new();

    public static string JobType => "test.nightly";

    public static NightlyRun[] RunsOf(string practice) => Runs.TryGetValue(practice, out var runs) ? runs.ToArray() : [];

    public Task ExecuteAsync(ScheduledRun payload, JobContext context, CancellationToken cancellationToken)
    {
        // Recorded under the practice of the unit of work it runs in, which must be the job's.
        var practice = tenantContext.Tenant.Name;
        Runs.GetOrAdd(practice, _ => new ConcurrentQueue<NightlyRun>()).Enqueue(new NightlyRun(practice, payload.ScheduledAt, context.Attempt));
        return FailingAttempts.TryGetValue(practice, out var failing) && context.Attempt <= failing
            ? throw new InvalidOperationException($"Planned failure of {practice}'s run, attempt {context.Attempt}")
            : Task.CompletedTask;
    }
}
