using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Core.Data;
using Portal.Core.Jobs;
using Portal.Core.Tenancy;

namespace Portal.Core.Events;

/// <summary>
/// Hands one committed event to each of its handlers that takes it here, each in its own unit of work of the practice.
/// A handler that succeeds is recorded (DomainEventDeliveries) at once, so when another one throws,
/// the job's retry runs only the handlers not recorded yet. The event is marked dispatched once every
/// handler has it.
/// </summary>
public sealed class DomainEventDispatchHandler(
    CoreTenantDbContext db,
    IEnumerable<DomainEventHandlerRegistration> registrations,
    TenantContext tenantContext,
    TenantScopeFactory scopes,
    TimeProvider clock,
    ILogger<DomainEventDispatchHandler> logger) : IJobHandler<DomainEventDispatch>
{
    public static string JobType => "events.dispatch";

    public async Task ExecuteAsync(DomainEventDispatch payload, JobContext context, CancellationToken cancellationToken)
    {
        var record = await db.DomainEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == payload.EventId, cancellationToken);
        if (record is null || record.DispatchedAt is not null)
        {
            return;
        }

        var delivered = await db.DomainEventDeliveries.Where(d => d.EventId == record.Id).Select(d => d.Handler).ToListAsync(cancellationToken);
        var eventContext = new DomainEventContext(record.Id, record.OccurredAt, context.Attempt);
        var ofType = registrations.Where(r => r.EventType == record.Type).ToList();

        // Read once, and judged by the publisher's own test: a handler that does not take the event gets
        // no unit of work and no delivery row (a sync's uploads are taken by one handler of three).
        var domainEvent = ofType.Count == 0 ? null : ofType[0].Read(record.Payload);
        var failures = new List<string>();
        foreach (var handler in ofType.Where(r => !delivered.Contains(r.Name) && r.Handles(domainEvent!, tenantContext.Tenant)))
        {
            try
            {
                await using var scope = scopes.CreateScope(tenantContext.Tenant);
                await handler.InvokeAsync(scope.ServiceProvider, domainEvent!, eventContext, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Handler {Handler} of event {EventId} ({EventType}) failed on attempt {Attempt}", handler.Name, record.Id, record.Type, context.Attempt);
                failures.Add($"{handler.Name}: {ex.GetType().Name}: {ex.Message}");
                continue;
            }

            // Done work is recorded even if the job is being stopped: the retry must not do it again.
            db.DomainEventDeliveries.Add(new DomainEventDelivery { EventId = record.Id, Handler = handler.Name, DeliveredAt = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(CancellationToken.None);
        }

        if (failures.Count > 0)
        {
            throw new InvalidOperationException($"{failures.Count} handler(s) of event {record.Id} ({record.Type}) failed: {string.Join("; ", failures)}");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await db.DomainEvents.Where(e => e.Id == record.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.DispatchedAt, now), CancellationToken.None);
    }
}
