namespace Portal.Core.Events;

/// <summary>An outbox row: one published event, in the practice's database (table DomainEvents).</summary>
public sealed class DomainEventRecord
{
    public Guid Id { get; set; }

    public string Type { get; set; } = "";

    /// <summary>The event as JSON.</summary>
    public string Payload { get; set; } = "{}";

    public DateTime OccurredAt { get; set; }

    /// <summary>Set once every handler has taken the event.</summary>
    public DateTime? DispatchedAt { get; set; }

    /// <summary>The practice of the unit of work that published it; not stored (the row is in that practice's database).</summary>
    public string? Practice { get; set; }
}
