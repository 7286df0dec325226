namespace Portal.Billing.Models;

/// <summary>The part of a payment that pays one invoice.</summary>
public sealed class PaymentAllocation
{
    public Guid Id { get; set; }

    public Guid PaymentId { get; set; }

    public Guid InvoiceId { get; set; }

    public long Amount { get; set; }
}
