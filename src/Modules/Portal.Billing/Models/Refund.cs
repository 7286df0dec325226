namespace Portal.Billing.Models;

/// <summary>
/// Money given back on an online payment, as Stripe reports it: made from the payment's page or in Stripe's
/// dashboard (then recorded from charge.refunded). <see cref="StripeRefundId"/> is unique, so a refund is
/// recorded once whoever sees it first. <see cref="InvoiceAmount"/> is the part taken off the invoice's paid
/// amount when it was recorded (docs/architecture.md, Billing: how a refund splits), so it is never taken twice.
/// </summary>
public sealed class Refund
{
    public const int NoteMaxLength = 500;

    public Guid Id { get; set; }

    public Guid PaymentId { get; set; }

    public string StripeRefundId { get; set; } = "";

    public long Amount { get; set; }

    public string Currency { get; set; } = "CAD";

    /// <summary>What of <see cref="Amount"/> came off the invoice's paid amount (0 for the unallocated part and the fee).</summary>
    public long InvoiceAmount { get; set; }

    public Guid? InvoiceId { get; set; }

    public RefundReason? Reason { get; set; }

    public string? Note { get; set; }

    public RefundStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The staff member who refunded; null for a refund made in Stripe's dashboard.</summary>
    public Guid? CreatedBy { get; set; }
}
