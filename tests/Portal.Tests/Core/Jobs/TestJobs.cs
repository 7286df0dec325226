using System.Collections.Concurrent;
using Portal.Core.Jobs;

namespace Portal.Tests.Core.Jobs;

public sealed record FlakyJob(string Key, int FailTimes);

/// <summary>Fails its first N runs, then succeeds; remembers every run (across application restarts in one test process).</summary>
public sealed class FlakyJobHandler : IJobHandler
{
    public static readonly ConcurrentDictionary<string, ConcurrentQueue<int>> Runs = new();

    public static string JobType => "test.flaky";

    public Task ExecuteAsync(JobContext context, CancellationToken cancellationToken)
    {
        var job = context.ReadPayload<FlakyJob>();
        Runs.GetOrAdd(job.Key, _ => new ConcurrentQueue<int>()).Enqueue(context.Attempt);
        return context.Attempt <= job.FailTimes
            ? throw new InvalidOperationException($"Planned failure {context.Attempt} of {job.FailTimes}")
            : Task.CompletedTask;
    }
}

public sealed record RecordedJob(string Key);

/// <summary>Records which worker ran each job, to prove no job runs twice.</summary>
public sealed class RecordingJobHandler(JobWorker worker) : IJobHandler
{
    public static readonly ConcurrentDictionary<Guid, ConcurrentBag<string>> Runs = new();

    public static string JobType => "test.record";

    public async Task ExecuteAsync(JobContext context, CancellationToken cancellationToken)
    {
        Runs.GetOrAdd(context.JobId, _ => []).Add(worker.WorkerId);
        await Task.Delay(Random.Shared.Next(2, 15), cancellationToken);
    }
}
