using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Tenancy;

namespace Portal.Core.Events;

public sealed class DomainEventPublisher(TenantContext tenantContext, TimeProvider clock) : IDomainEventPublisher
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

        unitOfWork.Set<DomainEventRecord>().Add(new DomainEventRecord
        {
            Id = Guid.CreateVersion7(),
            Type = TEvent.EventType,
            Payload = JsonSerializer.Serialize(domainEvent, DomainEventSerializer.Options),
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            Practice = tenantContext.Tenant.Name,
        });
    }
}

internal static class DomainEventSerializer
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
