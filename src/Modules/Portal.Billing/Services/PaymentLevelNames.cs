using Portal.Billing.Models;

namespace Portal.Billing.Services;

/// <summary>The levels as seed 004 names them.</summary>
public static class PaymentLevelNames
{
    public static string Of(PaymentLevel level) => level switch
    {
        PaymentLevel.View => "View payments",
        PaymentLevel.Take => "Request and take payments",
        PaymentLevel.Full => "Full (refunds, payout account)",
        _ => "None",
    };
}
