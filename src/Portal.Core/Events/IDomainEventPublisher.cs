using Microsoft.EntityFrameworkCore;

namespace Portal.Core.Events;

/// <summary>Publishes events from inside a module's unit of work.</summary>
public interface IDomainEventPublisher
{
    /// <summary>
    /// Adds <paramref name="domainEvent"/> to the outbox through <paramref name="unitOfWork"/>: it is
    /// written by that context's next SaveChanges, in the same transaction as the change, and handed
    /// to the handlers once that transaction commits. The context must map the outbox
    /// (<see cref="DomainEventModel.MapDomainEventOutbox"/>).
    /// </summary>
    void Publish<TEvent>(DbContext unitOfWork, TEvent domainEvent)
        where TEvent : IDomainEvent;
}
