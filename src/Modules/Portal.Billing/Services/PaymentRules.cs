using Portal.Billing.Models;

namespace Portal.Billing.Services;

internal static class PaymentRules
{
    /// <summary>Payments whose money was received (a refund, later, is its own row that takes some back).</summary>
    public static readonly PaymentStatus[] Counted = [PaymentStatus.Succeeded, PaymentStatus.PartlyRefunded, PaymentStatus.Refunded];
}
