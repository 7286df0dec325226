namespace Portal.Billing.Services;

/// <summary>Target types Billing's audit entries name.</summary>
public static class BillingAuditTargets
{
    public const string Invoice = "invoice";
    public const string Payment = "payment";
    public const string User = "user";
    public const string PayoutAccount = "payout-account";
}
