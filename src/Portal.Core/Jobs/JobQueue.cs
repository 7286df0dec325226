using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Tenancy;

namespace Portal.Core.Jobs;

public sealed class JobQueue(
    IDbContextFactory<HostDbContext> hostDb,
    TenantContext tenantContext,
    IOptions<JobOptions> options,
    JobWakeUp wakeUp,
    TimeProvider clock) : IJobQueue
{
    public async Task<Guid> EnqueueAsync(JobRequest request, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var job = new JobRecord
        {
            Id = Guid.CreateVersion7(),
            Tenant = request.PlatformJob ? null : request.Tenant ?? tenantContext.Current?.Name,
            Type = request.Type,
            Payload = request.Payload is null ? "{}" : JsonSerializer.Serialize(request.Payload, JobSerializer.Options),
            State = JobState.Pending,
            MaxAttempts = request.MaxAttempts ?? options.Value.DefaultMaxAttempts,
            RunAfter = request.RunAfter ?? now,
            CreatedAt = now,
        };
        await using var db = await hostDb.CreateDbContextAsync(cancellationToken);
        db.Jobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        if (job.RunAfter <= now)
        {
            wakeUp.Signal();
        }

        return job.Id;
    }
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
