namespace Portal.Core.Events;

/// <summary>One handler has taken one event (table DomainEventDeliveries); a retry skips that handler.</summary>
public sealed class DomainEventDelivery
{
    public Guid EventId { get; set; }

    public string Handler { get; set; } = "";

    public DateTime DeliveredAt { get; set; }
}
