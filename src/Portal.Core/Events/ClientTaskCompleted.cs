namespace Portal.Core.Events;

/// <summary>A client's task was done: marked done by a portal user, or completed by its last request item.</summary>
public sealed record ClientTaskCompleted(Guid ClientId, Guid TaskId, string Title, string CompletedByName, DateTime CompletedAt) : IDomainEvent
{
    public static string EventType => "tasks.completed";
}
