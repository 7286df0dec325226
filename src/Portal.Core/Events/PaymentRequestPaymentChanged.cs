namespace Portal.Core.Events;

/// <summary>
/// The payment of a secure payment request moved on in the books (Billing): processing, paid, failed,
/// partly refunded or refunded. Published once per change, so the sender's dashboard follows it.
/// Amounts are minor units; <see cref="Amount"/> includes <see cref="FeeAmount"/>.
/// </summary>
public sealed record PaymentRequestPaymentChanged(
    Guid RequestId,
    Guid PaymentId,
    PaymentRequestPaymentStatus Status,
    long Amount,
    long FeeAmount,
    long RefundedAmount,
    string Currency) : IDomainEvent
{
    public static string EventType => "billing.payment-request-payment-changed";
}

public enum PaymentRequestPaymentStatus
{
    Processing,
    Paid,
    Failed,
    PartlyRefunded,
    Refunded,
}
