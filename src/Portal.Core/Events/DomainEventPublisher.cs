using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Tenancy;

namespace Portal.Core.Events;

/// <summary>
/// Writes an event into the unit of work's outbox. An event no handler takes in this practice (most
/// of them: handlers exist for a few types, some need a feature, and some take only some events of
/// their type) is written already dispatched, so no dispatch job is queued for it: profiled, a sync
/// batch queued three jobs of bookkeeping for every one that had work to do. A handler's feature switched on later does not receive earlier events, as
/// when the dispatch found it off.
/// </summary>
public sealed class DomainEventPublisher(TenantContext tenantContext, TimeProvider clock, IEnumerable<DomainEventHandlerRegistration> registrations) : IDomainEventPublisher
{
    public void Publish<TEvent>(DbContext unitOfWork, TEvent domainEvent)
        where TEvent : IDomainEvent
    {
        ArgumentNullException.ThrowIfNull(unitOfWork);
        if (unitOfWork.Model.FindEntityType(typeof(DomainEventRecord)) is null)
        {
            throw new InvalidOperationException(
                $"{unitOfWork.GetType().Name} does not map the event outbox: call modelBuilder.MapDomainEventOutbox() in its OnModelCreating to publish {TEvent.EventType}.");
        }

        var tenant = tenantContext.Tenant;
        var now = clock.GetUtcNow().UtcDateTime;
        var handled = registrations.Any(r => r.EventType == TEvent.EventType && r.Handles(domainEvent, tenant));
        unitOfWork.Set<DomainEventRecord>().Add(new DomainEventRecord
        {
            Id = Guid.CreateVersion7(),
            Type = TEvent.EventType,
            Payload = JsonSerializer.Serialize(domainEvent, DomainEventSerializer.Options),
            OccurredAt = now,
            DispatchedAt = handled ? null : now,
            Practice = tenant.Name,
        });
    }
}

internal static class DomainEventSerializer
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
