using Portal.Billing.Models;

namespace Portal.Billing.Services;

public static class InvoiceStatusNames
{
    public static string Of(InvoiceStatus status) => status switch
    {
        InvoiceStatus.PartlyPaid => "Partly paid",
        InvoiceStatus.Paid => "Paid",
        InvoiceStatus.Void => "Void",
        _ => "Open",
    };
}
