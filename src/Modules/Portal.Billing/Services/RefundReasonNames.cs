using Portal.Billing.Models;

namespace Portal.Billing.Services;

public static class RefundReasonNames
{
    public static string Of(RefundReason? reason) => reason switch
    {
        RefundReason.RequestedByCustomer => "Requested by the client",
        RefundReason.Duplicate => "Duplicate payment",
        RefundReason.Fraudulent => "Fraudulent",
        _ => "",
    };
}
