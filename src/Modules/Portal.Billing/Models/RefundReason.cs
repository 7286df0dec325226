namespace Portal.Billing.Models;

/// <summary>Stripe's refund reasons (requested_by_customer, duplicate, fraudulent).</summary>
public enum RefundReason
{
    RequestedByCustomer,
    Duplicate,
    Fraudulent,
}
