using Portal.Billing.Models;

namespace Portal.Billing.Services;

public static class RefundStatusNames
{
    public static string Of(RefundStatus status) => status switch
    {
        RefundStatus.Succeeded => "Refunded",
        RefundStatus.RequiresAction => "Waiting for the client",
        RefundStatus.Failed => "Failed",
        RefundStatus.Canceled => "Canceled",
        _ => "Pending",
    };
}
