using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Jobs;

namespace Portal.Core.Events;

/// <summary>
/// Practice recurring job (daily): deletes events dispatched more than <see cref="KeptAfterDispatch"/> ago,
/// with their delivery rows, so the outbox of a busy practice does not grow for ever. They are kept that
/// long to answer "did this happen, and which handlers took it?" when someone asks about a recent change.
/// Undispatched events are never deleted: the sweep still owes them a dispatch.
/// </summary>
internal sealed class DomainEventRetentionHandler(CoreTenantDbContext db, TimeProvider clock) : IJobHandler<ScheduledRun>
{
    public static readonly TimeSpan KeptAfterDispatch = TimeSpan.FromDays(30);

    public static string JobType => "events.retention";

    public async Task ExecuteAsync(ScheduledRun payload, JobContext context, CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime - KeptAfterDispatch;
        var old = db.DomainEvents.Where(e => e.DispatchedAt != null && e.DispatchedAt < before).Select(e => e.Id);

        // Deliveries first: a crash between the two statements leaves dispatched events without
        // deliveries, which nothing reads again (the sweep only looks at undispatched ones).
        await db.DomainEventDeliveries.Where(d => old.Contains(d.EventId)).ExecuteDeleteAsync(cancellationToken);
        await db.DomainEvents.Where(e => e.DispatchedAt != null && e.DispatchedAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}
