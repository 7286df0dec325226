namespace Portal.Core.Events;

/// <summary>
/// Reacts to <typeparamref name="TEvent"/>, after the change that published it was committed, in a
/// unit of work of the practice (<see cref="EventServiceCollectionExtensions.AddDomainEventHandler{TEvent, THandler}"/>).
/// Delivery is at least once: a handler must be idempotent. Throwing retries this handler only.
/// </summary>
public interface IDomainEventHandler<in TEvent>
    where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, DomainEventContext context, CancellationToken cancellationToken);
}
