using Portal.Billing.Models;

namespace Portal.Billing.Services;

public static class PaymentStatusNames
{
    public static string Of(PaymentStatus status) => status switch
    {
        PaymentStatus.Pending => "Pending",
        PaymentStatus.Processing => "Processing",
        PaymentStatus.Succeeded => "Received",
        PaymentStatus.Failed => "Failed",
        PaymentStatus.Refunded => "Refunded",
        PaymentStatus.PartlyRefunded => "Partly refunded",
        _ => status.ToString(),
    };
}
