namespace Portal.Billing.Models;

/// <summary>A tax line: its kind, the rate it was computed at (percent, when given) and its amount.</summary>
public sealed class InvoiceTax
{
    public Guid Id { get; set; }

    public Guid InvoiceId { get; set; }

    public int Position { get; set; }

    public TaxKind Kind { get; set; }

    public decimal? RatePercent { get; set; }

    public long Amount { get; set; }
}
