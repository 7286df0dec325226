namespace PortalSync.Data;

// What the portal tells the practice (the change feed), written where the practice's program reads it.
// EventId is the change feed's cursor of the event: writing the same event twice keeps one row.

internal sealed record OnlinePayment(string EventId, string? ContactExternalId, string? PaymentId, string? InvoiceExternalId, string? InvoiceNumber, string? Amount, string? Currency, string? ReceivedOn, string? Method, DateTimeOffset OccurredAt);

internal sealed record ClientMessage(string EventId, string? ContactExternalId, string? ThreadId, string? Subject, string? Sender, string? Text, DateTimeOffset OccurredAt);

internal sealed record CompletedTask(string EventId, string? ContactExternalId, string? TaskId, string? Title, string? CompletedAt, DateTimeOffset OccurredAt);
