namespace Portal.Core.Events;

/// <summary>
/// Something that happened in a module, told to every module that subscribes. Events are records:
/// what a subscriber needs, by value, and ids to look up the rest.
/// </summary>
public interface IDomainEvent
{
    /// <summary>The event's stable name, stored with each outbox row; changing it orphans undelivered events.</summary>
    static abstract string EventType { get; }
}
