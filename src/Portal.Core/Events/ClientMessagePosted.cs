namespace Portal.Core.Events;

/// <summary>
/// A client's portal user wrote a message to the practice (a new thread or a reply), for the sync
/// change feed. The text is carried so the practice's software gets what was written at that moment.
/// </summary>
public sealed record ClientMessagePosted(Guid ClientId, Guid ThreadId, Guid MessageId, string Subject, string AuthorName, string Text, DateTime At) : IDomainEvent
{
    public static string EventType => "messages.client-posted";
}
