using Portal.Billing.Models;

namespace Portal.Billing.Payments;

/// <summary>Stripe's words for refund reasons and statuses, both ways.</summary>
public static class StripeRefundWords
{
    public static string Reason(RefundReason reason) => reason switch
    {
        RefundReason.Duplicate => "duplicate",
        RefundReason.Fraudulent => "fraudulent",
        _ => "requested_by_customer",
    };

    public static RefundReason? Reason(string? reason) => reason switch
    {
        "duplicate" => RefundReason.Duplicate,
        "fraudulent" => RefundReason.Fraudulent,
        "requested_by_customer" => RefundReason.RequestedByCustomer,
        _ => null,
    };

    /// <summary>An unknown status counts as pending: the money is on its way back until Stripe says otherwise.</summary>
    public static RefundStatus Status(string? status) => status switch
    {
        "succeeded" => RefundStatus.Succeeded,
        "failed" => RefundStatus.Failed,
        "canceled" => RefundStatus.Canceled,
        "requires_action" => RefundStatus.RequiresAction,
        _ => RefundStatus.Pending,
    };
}
