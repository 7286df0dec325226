namespace Portal.Billing.Models;

/// <summary>Canadian sales taxes, each shown as its own line of an invoice.</summary>
public enum TaxKind
{
    Gst,
    Hst,
    Pst,
    Qst,
}
