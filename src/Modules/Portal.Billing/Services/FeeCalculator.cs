using Portal.Billing.Models;

namespace Portal.Billing.Services;

/// <summary>
/// The transaction fee a client pays on top of what they owe, when the practice passes it through:
/// gross = (net + fixed) / (1 − rate), so that after the provider takes its fee from the gross the
/// practice keeps the net. The fee is rounded down to the cent (never up against the client), then
/// held to the cap (a percent of the net, rounded down), and is zero for a client in a no-fee
/// province (surcharges are not allowed in Quebec).
/// </summary>
public static class FeeCalculator
{
    public static long Fee(long net, FeeSchedule schedule, string? clientProvince)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(net);
        if (clientProvince is not null && schedule.NoFeeProvinces.Contains(clientProvince.Trim().ToUpperInvariant(), StringComparer.Ordinal))
        {
            return 0;
        }

        var rate = schedule.RatePercent / 100m;
        var gross = (net + schedule.FixedAmount) / (1m - rate);
        var fee = (long)decimal.Floor(gross) - net;
        if (schedule.CapPercent is { } capPercent)
        {
            fee = Math.Min(fee, (long)decimal.Floor(net * capPercent / 100m));
        }

        return Math.Max(fee, 0);
    }

    /// <summary>What the client pays in all: the amount owed and the fee.</summary>
    public static long Gross(long net, FeeSchedule schedule, string? clientProvince) => net + Fee(net, schedule, clientProvince);
}
