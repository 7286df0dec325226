namespace Portal.Notifications.Models;

/// <summary>A notice to a portal user, waiting for staff to send it (or kept as a record once sent).</summary>
public sealed class PortalReminder
{
    public Guid Id { get; set; }

    public string Kind { get; set; } = "";

    public Guid? UserId { get; set; }

    public string Recipient { get; set; } = "";

    public string Summary { get; set; } = "";

    public string Payload { get; set; } = "{}";

    public string? DeduplicationKey { get; set; }

    public ReminderState State { get; set; }

    public DateTime CreatedAt { get; set; }

    public Guid? CreatedBy { get; set; }

    public DateTime? SentAt { get; set; }

    public Guid? SentBy { get; set; }

    public Guid? OutboxMessageId { get; set; }
}

public enum ReminderState
{
    Ready,
    Sent,
    Discarded,
}
