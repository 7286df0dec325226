namespace Portal.Core.Events;

/// <summary>An invoice was created (by staff, a recipe or the sync API). Amounts are minor units.</summary>
public sealed record InvoiceCreated(Guid InvoiceId, Guid ClientId, string Number, long TotalAmount, string Currency) : IDomainEvent
{
    public static string EventType => "billing.invoice-created";
}
