namespace Portal.Billing.Models;

/// <summary>A refund's state at Stripe; pending and succeeded refunds count as money given back.</summary>
public enum RefundStatus
{
    Pending,
    RequiresAction,
    Succeeded,
    Failed,
    Canceled,
}
