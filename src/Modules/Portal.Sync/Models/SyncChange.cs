namespace Portal.Sync.Models;

/// <summary>
/// One entry of the change feed (client uploads, online payments, client messages, completed tasks),
/// written by a domain-event handler. <see cref="Sequence"/> orders the feed and is what cursors point at.
/// </summary>
public sealed class SyncChange
{
    public const int KindMaxLength = 40;

    public long Sequence { get; set; }

    /// <summary>The domain event it came from: delivery is at least once, the feed holds it once.</summary>
    public Guid EventId { get; set; }

    public string Kind { get; set; } = "";

    public DateTime OccurredAt { get; set; }

    public Guid ClientId { get; set; }

    /// <summary>The kind's own part of the feed item, as JSON (camelCase), as it was when the event happened.</summary>
    public string Payload { get; set; } = "";
}
