namespace Portal.Core.Events;

/// <summary>Which event a handler is given: its outbox id and when the change was made (UTC).</summary>
public sealed record DomainEventContext(Guid EventId, DateTime OccurredAt, int Attempt);
