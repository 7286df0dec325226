using Portal.Billing.Models;

namespace Portal.Billing.Services;

/// <summary>Line and tax amounts in minor units, rounded half away from zero to the cent.</summary>
public static class InvoiceTotals
{
    public static long LineAmount(decimal quantity, long unitAmount) => (long)decimal.Round(quantity * unitAmount, 0, MidpointRounding.AwayFromZero);

    public static long TaxAmount(long subtotal, InvoiceTaxDraft tax)
        => tax.Amount ?? (long)decimal.Round(subtotal * (tax.RatePercent ?? 0m) / 100m, 0, MidpointRounding.AwayFromZero);

    /// <summary>The status an invoice has with <paramref name="paid"/> of its total paid (a void invoice stays void).</summary>
    public static InvoiceStatus StatusFor(InvoiceStatus current, long total, long paid) => current switch
    {
        InvoiceStatus.Void => InvoiceStatus.Void,
        _ when paid <= 0 => InvoiceStatus.Open,
        _ when paid >= total => InvoiceStatus.Paid,
        _ => InvoiceStatus.PartlyPaid,
    };
}
