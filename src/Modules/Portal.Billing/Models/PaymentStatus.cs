namespace Portal.Billing.Models;

/// <summary>Only <see cref="Succeeded"/> and the refunded states count towards invoices (refunds subtract as their own rows).</summary>
public enum PaymentStatus
{
    Pending,
    Processing,
    Succeeded,
    Failed,
    Refunded,
    PartlyRefunded,
}
