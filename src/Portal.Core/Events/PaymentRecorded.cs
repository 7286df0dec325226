namespace Portal.Core.Events;

/// <summary>
/// A payment from a client was recorded and counts towards their invoices: offline (by staff) or online
/// (once the provider says it succeeded), so receipts and the sync feed can follow. Amounts are minor units.
/// </summary>
public sealed record PaymentRecorded(Guid PaymentId, Guid ClientId, long Amount, long FeeAmount, string Currency, string Method, bool Online) : IDomainEvent
{
    public static string EventType => "billing.payment-recorded";
}
