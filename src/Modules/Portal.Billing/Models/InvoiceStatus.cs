namespace Portal.Billing.Models;

public enum InvoiceStatus
{
    Open,
    PartlyPaid,
    Paid,
    Void,
}
