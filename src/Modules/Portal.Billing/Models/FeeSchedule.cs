namespace Portal.Billing.Models;

/// <summary>What the payment provider charges (rate percent plus a fixed amount in minor units), the cap on a passed-through fee, and provinces where none may be passed through.</summary>
public sealed record FeeSchedule(decimal RatePercent, long FixedAmount, decimal? CapPercent, IReadOnlyList<string> NoFeeProvinces)
{
    public static FeeSchedule Default { get; } = new PaymentSettings().FeeSchedule;
}
