using Portal.Billing.Models;

namespace Portal.Billing.Services;

/// <summary>A refund as Stripe answered it, to put into the books (<see cref="RefundBook.RecordAsync"/>).</summary>
/// <param name="Id">Our id when the portal made the refund (it travels in the refund's metadata); null: a new one.</param>
public sealed record RefundRecording(
    Guid? Id,
    Guid PaymentId,
    string StripeRefundId,
    long Amount,
    string Currency,
    RefundReason? Reason,
    string? Note,
    RefundStatus Status,
    Guid? CreatedBy);
