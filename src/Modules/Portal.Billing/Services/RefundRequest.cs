using Portal.Billing.Models;

namespace Portal.Billing.Services;

/// <summary>What staff asked for on the refund form. <see cref="Attempt"/> is minted when the form is shown, so a resubmit is the same refund.</summary>
/// <param name="Amount">As typed; empty: everything that is left.</param>
public sealed record RefundRequest(Guid PaymentId, Guid Attempt, string? Amount, RefundReason? Reason, string? Note);
