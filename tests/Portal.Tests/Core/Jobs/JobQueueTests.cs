using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Jobs;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Jobs;

public sealed class JobQueueTests
{
    private static void WithTestJobs(PortalApplicationOptions options)
        => options.WithServices(services => services.AddJobHandler<FlakyJobHandler>().AddJobHandler<RecordingJobHandler>());

    [Theory, BothDatabases]
    public async Task A_failing_job_is_retried_with_backoff_and_survives_a_restart(DatabaseProvider provider)
    {
        await using var data = await TestData.CreateAsync(provider);
        var key = Guid.NewGuid().ToString("N");
        var baseDelay = TimeSpan.FromSeconds(10);
        Guid jobId;

        var first = PortalApplication.StartOn(data, o => WithTestJobs(o.Set("Portal:Jobs:RetryBaseDelay", "00:00:10")));
        try
        {
            // Time stands still, so a retry can only come when the test moves the clock past its backoff.
            var failedAt = first.Clock.GetUtcNow().UtcDateTime;
            first.Clock.Freeze(failedAt);
            jobId = await EnqueueAsync<FlakyJobHandler, FlakyJob>(first, new FlakyJob(key, FailTimes: 2), new EnqueueOptions { MaxAttempts = 5 });

            var afterFirst = await WaitForRetryAsync(data, jobId, attempts: 1);
            AssertBackoff(afterFirst.RunAfter - failedAt, baseDelay);
            Assert.Equal([1], FlakyJobHandler.Runs[key].ToArray());

            // At its retry time the second attempt runs and fails, and backs off twice as long.
            first.Clock.Advance(afterFirst.RunAfter - failedAt);
            var secondFailedAt = first.Clock.GetUtcNow().UtcDateTime;
            var afterSecond = await WaitForRetryAsync(data, jobId, attempts: 2);
            AssertBackoff(afterSecond.RunAfter - secondFailedAt, 2 * baseDelay);
            Assert.Contains("Planned failure 2 of 2", afterSecond.LastError, StringComparison.Ordinal);
        }
        finally
        {
            await first.DisposeAsync();
        }

        Assert.Equal(JobState.Pending, (await ReadAsync(data, jobId))!.State);

        // Another server picks the job up once its retry time has come on that server's clock.
        await using var second = PortalApplication.StartOn(data, WithTestJobs);
        second.Clock.Advance(TimeSpan.FromMinutes(5));
        var done = await Eventually.GetAsync(async () => await ReadAsync(data, jobId) is { State: JobState.Succeeded } job ? job : null, what: "the job to succeed after the restart");

        Assert.Equal(3, done.Attempts);
        Assert.Equal([1, 2, 3], FlakyJobHandler.Runs[key].ToArray());
    }

    [Theory, BothDatabases]
    public async Task A_job_that_uses_its_last_attempt_is_kept_as_failed(DatabaseProvider provider)
    {
        await using var app = await PortalApplication.StartAsync(provider, WithTestJobs);
        var key = Guid.NewGuid().ToString("N");
        var id = await EnqueueAsync<FlakyJobHandler, FlakyJob>(app, new FlakyJob(key, FailTimes: 10), new EnqueueOptions { MaxAttempts = 2 });

        var failed = await Eventually.GetAsync(async () => await ReadAsync(DataOf(app), id) is { State: JobState.Failed } job ? job : null, what: "the job to fail");
        Assert.Equal(2, failed.Attempts);
        Assert.Contains("Planned failure 2 of 10", failed.LastError, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_job_held_by_a_crashed_worker_is_taken_over_when_its_lease_ends(DatabaseProvider provider)
    {
        await using var app = await PortalApplication.StartAsync(provider, o => WithTestJobs(o.Set("Portal:Jobs:WorkerEnabled", "false")));
        var key = Guid.NewGuid().ToString("N");
        var id = await EnqueueAsync<FlakyJobHandler, FlakyJob>(app, new FlakyJob(key, FailTimes: 0));

        // A worker of another server claims the job and dies without finishing it.
        var claimed = await app.Get<JobStore>().ClaimAsync("crashed-server", 10, TimeSpan.FromSeconds(1), default);
        Assert.Contains(claimed, j => j.Id == id);

        await using var survivor = PortalApplication.StartOn(DataOf(app), WithTestJobs);
        var done = await Eventually.GetAsync(async () => await ReadAsync(DataOf(app), id) is { State: JobState.Succeeded } job ? job : null, what: "the orphaned job to be taken over");
        Assert.Equal(2, done.Attempts);
        Assert.Equal([2], FlakyJobHandler.Runs[key].ToArray());
    }

    [Fact]
    public async Task Two_servers_on_postgresql_never_run_the_same_job()
    {
        await using var data = await TestData.CreateAsync(DatabaseProvider.Postgres);
        void Busy(PortalApplicationOptions o) => WithTestJobs(o.Set("Portal:Jobs:Concurrency", "4").Set("Portal:Jobs:BatchSize", "5").Set("Portal:Jobs:PollInterval", "00:00:00.020"));
        await using var serverA = PortalApplication.StartOn(data, o => Busy(o.Set("Portal:Jobs:WorkerEnabled", "false")));
        var ids = new List<Guid>();
        await using (var scope = serverA.Services.CreateAsyncScope())
        {
            var queue = scope.ServiceProvider.GetRequiredService<IJobQueue>();
            for (var i = 0; i < 300; i++)
            {
                ids.Add(await queue.EnqueueAsync<RecordingJobHandler, RecordedJob>(new RecordedJob("x"), new EnqueueOptions { PlatformJob = true }));
            }
        }

        // Both servers start working on the full queue at the same moment.
        var starts = new[] { Task.Run(() => PortalApplication.StartOn(data, Busy)), Task.Run(() => PortalApplication.StartOn(data, Busy)) };
        var servers = await Task.WhenAll(starts);
        try
        {
            await Eventually.TrueAsync(
                async () =>
                {
                    await using var db = await servers[0].Get<IDbContextFactory<HostDbContext>>().CreateDbContextAsync();
                    return await db.Jobs.CountAsync(j => ids.Contains(j.Id) && j.State == JobState.Succeeded) == ids.Count;
                },
                TimeSpan.FromSeconds(90),
                "all 300 jobs to succeed");

            var runs = ids.Select(id => RecordingJobHandler.Runs.TryGetValue(id, out var bag) ? bag.ToArray() : []).ToList();
            Assert.All(runs, r => Assert.Single(r));
            var perWorker = runs.GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(2, perWorker.Count);
            Assert.All(perWorker.Values, count => Assert.True(count > 10, $"each server should have taken part: {string.Join(", ", perWorker)}"));
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    private static async Task<Guid> EnqueueAsync<THandler, TPayload>(PortalApplication app, TPayload payload, EnqueueOptions? options = null)
        where THandler : IJobHandler<TPayload>
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IJobQueue>().EnqueueAsync<THandler, TPayload>(payload, (options ?? EnqueueOptions.Default) with { PlatformJob = true });
    }

    /// <summary>Waits until the job has failed <paramref name="attempts"/> times and is back in the queue for its retry.</summary>
    private static Task<JobRecord> WaitForRetryAsync(TestData data, Guid id, int attempts)
        => Eventually.GetAsync(
            async () => await ReadAsync(data, id) is { State: JobState.Pending, LastError: not null } job && job.Attempts == attempts ? job : null,
            what: $"attempt {attempts} to fail and wait for its retry");

    /// <summary>The retry waits the exponential delay, give or take the 20 % jitter.</summary>
    private static void AssertBackoff(TimeSpan waited, TimeSpan expected)
        => Assert.InRange(waited, expected * 0.8, expected * 1.2);

    private static async Task<JobRecord?> ReadAsync(TestData data, Guid id)
    {
        await using var db = data.OpenHostStore();
        return await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id);
    }

    private static TestData DataOf(PortalApplication app) => new(app.Provider, app.AppDataPath, app.Database);
}
