namespace Portal.Billing.Models;

/// <summary>A line of an invoice: what was done, how much of it, at what price (minor units).</summary>
public sealed class InvoiceLine
{
    public const int DescriptionMaxLength = 500;

    public Guid Id { get; set; }

    public Guid InvoiceId { get; set; }

    public int Position { get; set; }

    public string Description { get; set; } = "";

    public decimal Quantity { get; set; }

    public long UnitAmount { get; set; }

    /// <summary>Quantity × unit amount, rounded half away from zero to the minor unit.</summary>
    public long Amount { get; set; }
}
