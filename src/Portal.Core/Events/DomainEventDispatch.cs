namespace Portal.Core.Events;

/// <summary>The dispatch job's payload; the job's id is the event's, so an event is never queued twice.</summary>
public sealed record DomainEventDispatch(Guid EventId);
