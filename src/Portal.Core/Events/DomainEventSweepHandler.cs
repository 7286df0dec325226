using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Jobs;

namespace Portal.Core.Events;

/// <summary>
/// Practice recurring job: queues the dispatch of every event that has none. A process that died
/// after committing a change and before queuing its dispatch left such an event; one whose dispatch
/// is queued, retrying or failed already has its job (the job's id is the event's) and is left alone.
/// </summary>
public sealed class DomainEventSweepHandler(CoreTenantDbContext db, IJobQueue jobs, TimeProvider clock) : IJobHandler<ScheduledRun>
{
    public static string JobType => "events.sweep";

    /// <summary>Younger events are still being queued by the process that committed them.</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromMinutes(1);

    public async Task ExecuteAsync(ScheduledRun payload, JobContext context, CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime - QuietPeriod;
        var undispatched = await db.DomainEvents
            .Where(e => e.DispatchedAt == null && e.OccurredAt < before)
            .OrderBy(e => e.OccurredAt)
            .Select(e => e.Id)
            .Take(500)
            .ToListAsync(cancellationToken);
        foreach (var id in undispatched)
        {
            await jobs.EnqueueAsync<DomainEventDispatchHandler, DomainEventDispatch>(new DomainEventDispatch(id), new EnqueueOptions { JobId = id }, cancellationToken);
        }
    }
}
