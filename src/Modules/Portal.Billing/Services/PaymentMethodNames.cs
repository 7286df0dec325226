using Portal.Billing.Models;

namespace Portal.Billing.Services;

public static class PaymentMethodNames
{
    public static string Of(PaymentMethod method) => method switch
    {
        PaymentMethod.Cheque => "Cheque",
        PaymentMethod.ETransfer => "E-transfer",
        PaymentMethod.Cash => "Cash",
        PaymentMethod.Online => "Online",
        _ => "Other",
    };
}
