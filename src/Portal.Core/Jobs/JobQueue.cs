using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Tenancy;

namespace Portal.Core.Jobs;

public sealed class JobQueue(
    IDbContextFactory<HostDbContext> hostDb,
    TenantContext tenantContext,
    IOptions<JobOptions> settings,
    JobWakeUp wakeUp,
    TimeProvider clock) : IJobQueue
{
    public async Task<Guid> EnqueueAsync<THandler, TPayload>(TPayload payload, EnqueueOptions options, CancellationToken cancellationToken = default)
        where THandler : IJobHandler<TPayload>
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var job = NewJob(
            THandler.JobType,
            options.PlatformJob ? null : options.Tenant ?? tenantContext.Current?.Name,
            payload,
            options.MaxAttempts ?? settings.Value.DefaultMaxAttempts,
            options.RunAfter ?? now,
            now);
        await using var db = await hostDb.CreateDbContextAsync(cancellationToken);
        if (options.JobId is { } id)
        {
            job.Id = id;
            if (await db.Jobs.AnyAsync(j => j.Id == id, cancellationToken))
            {
                return id;
            }
        }

        db.Jobs.Add(job);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (options.JobId is not null)
        {
            if (await db.Jobs.AsNoTracking().AnyAsync(j => j.Id == job.Id, cancellationToken))
            {
                return job.Id; // queued meanwhile by another caller
            }

            throw;
        }

        if (job.RunAfter <= now)
        {
            wakeUp.Signal();
        }

        return job.Id;
    }

    public async Task EnqueueManyAsync<THandler, TPayload>(IReadOnlyList<(TPayload Payload, EnqueueOptions Options)> jobs, CancellationToken cancellationToken = default)
        where THandler : IJobHandler<TPayload>
    {
        if (jobs.Count <= 1)
        {
            foreach (var (payload, options) in jobs)
            {
                await EnqueueAsync<THandler, TPayload>(payload, options, cancellationToken);
            }

            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var records = jobs.Select(j =>
        {
            var job = NewJob(
                THandler.JobType,
                j.Options.PlatformJob ? null : j.Options.Tenant ?? tenantContext.Current?.Name,
                j.Payload,
                j.Options.MaxAttempts ?? settings.Value.DefaultMaxAttempts,
                j.Options.RunAfter ?? now,
                now);
            job.Id = j.Options.JobId ?? job.Id;
            return job;
        }).DistinctBy(j => j.Id).ToList();
        await using var db = await hostDb.CreateDbContextAsync(cancellationToken);
        var ids = jobs.Select(j => j.Options.JobId).OfType<Guid>().Distinct().ToList();
        var queued = ids.Count == 0 ? [] : (await db.Jobs.AsNoTracking().Where(j => ids.Contains(j.Id)).Select(j => j.Id).ToListAsync(cancellationToken)).ToHashSet();
        db.Jobs.AddRange(records.Where(j => !queued.Contains(j.Id)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // One of them was queued meanwhile by another caller: one by one, each skipping what is there.
            foreach (var (payload, options) in jobs)
            {
                await EnqueueAsync<THandler, TPayload>(payload, options, cancellationToken);
            }

            return;
        }

        if (records.Any(j => j.RunAfter <= now))
        {
            wakeUp.Signal();
        }
    }

    /// <summary>A pending job row (also written by the scheduler, in its own transaction).</summary>
    internal static JobRecord NewJob<TPayload>(string type, string? tenant, TPayload payload, int maxAttempts, DateTime runAfter, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        Tenant = tenant,
        Type = type,
        Payload = JsonSerializer.Serialize(payload, JobSerializer.Options),
        State = JobState.Pending,
        MaxAttempts = maxAttempts,
        RunAfter = runAfter,
        CreatedAt = now,
    };
}

/// <summary>Lets a local enqueue start the worker at once instead of at its next poll.</summary>
public sealed class JobWakeUp : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Signal()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled: one wake-up is enough.
            }
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}
