using Portal.Billing.Models;

namespace Portal.Billing.Services;

/// <summary>
/// A payment staff received outside the portal. With no allocations it pays the client's oldest open
/// invoices first (by due date); allocations must add up to the amount: no credit is kept.
/// </summary>
public sealed record OfflinePaymentDraft(
    Guid ClientId,
    PaymentMethod Method,
    DateOnly ReceivedOn,
    string? Reference,
    long Amount,
    string? Currency,
    IReadOnlyList<AllocationDraft>? Allocations);

public sealed record AllocationDraft(Guid InvoiceId, long Amount);

/// <summary>
/// A payment the provider took for one invoice. <see cref="ProviderKey"/> is the idempotency key: the
/// provider's payment (e.g. the Checkout Session id, or the PaymentIntent id), the same however often
/// it is reported. <see cref="Amount"/> is what the client paid, fee included; <see cref="FeeAmount"/>
/// is the passed-through fee (it does not pay the invoice).
/// </summary>
public sealed record OnlinePaymentDraft(
    string ProviderKey,
    Guid InvoiceId,
    long Amount,
    long FeeAmount,
    string Currency,
    PaymentStatus Status,
    DateOnly ReceivedOn)
{
    public string? CheckoutSessionId { get; init; }

    public string? PaymentIntentId { get; init; }

    public string? ChargeId { get; init; }
}

/// <summary>The payment, and whether this call recorded it (false: it was already there, nothing changed).</summary>
public sealed record RecordedPayment(Payment Payment, bool Created);
