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
    IReadOnlyList<AllocationDraft>? Allocations)
{
    /// <summary>
    /// The id the payment gets, when the caller chooses it (the sync API keeps it against the program's
    /// external id before recording, so a retry after a crash records the same payment, not a second one).
    /// </summary>
    public Guid? Id { get; init; }
}

public sealed record AllocationDraft(Guid InvoiceId, long Amount);

/// <summary>
/// A payment the provider took for one invoice (or for a secure payment request: <see cref="Request"/>, with no
/// invoice id). <see cref="ProviderKey"/> is the idempotency key: the
/// provider's payment (e.g. the Checkout Session id, or the PaymentIntent id), the same however often
/// it is reported. <see cref="Amount"/> is what the client paid, fee included; <see cref="FeeAmount"/>
/// is the passed-through fee (it does not pay the invoice).
/// </summary>
public sealed record OnlinePaymentDraft(
    string ProviderKey,
    Guid? InvoiceId,
    long Amount,
    long FeeAmount,
    string Currency,
    PaymentStatus Status,
    DateOnly ReceivedOn)
{
    public string? CheckoutSessionId { get; init; }

    public string? PaymentIntentId { get; init; }

    public string? ChargeId { get; init; }

    public PaymentRequestFacts? Request { get; init; }
}

/// <summary>
/// What a secure payment request's payment is recorded with: the client it is for, the subject (the payment's
/// reference), the invoice number it names (the client's open portal invoice of that number takes the money, if
/// any) and the staff member who sent it.
/// </summary>
public sealed record PaymentRequestFacts(Guid RequestId, Guid ClientId, string? Description, string? InvoiceNumber, Guid? RequestedBy);

/// <summary>The payment, and whether this call recorded it (false: it was already there, nothing changed).</summary>
public sealed record RecordedPayment(Payment Payment, bool Created);
