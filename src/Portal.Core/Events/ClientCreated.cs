namespace Portal.Core.Events;

/// <summary>A client record was created (on its page, or by an import).</summary>
public sealed record ClientCreated(Guid ClientId, string Name) : IDomainEvent
{
    public static string EventType => "clients.created";
}
