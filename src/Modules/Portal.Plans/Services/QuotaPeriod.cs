using System.Globalization;
using Portal.Core.Contracts;
using Portal.Plans.Models;

namespace Portal.Plans.Services;

/// <summary>
/// Which counter a consume goes to and its limit: a practice without a plan draws on its free allowance
/// (one lifetime period, "free"); a practice with a plan has the plan's number per calendar month of its
/// own time zone ("2026-12"), and the free allowance does not come on top.
/// </summary>
public sealed record QuotaPeriod(string Key, int? Limit, Plan? Plan, DateOnly? Month)
{
    public const string Free = "free";

    public static QuotaPeriod FreeAllowance(int limit) => new(Free, limit, null, null);

    public static QuotaPeriod MonthOf(Plan plan, DateOnly today)
    {
        var month = new DateOnly(today.Year, today.Month, 1);
        return new(month.ToString("yyyy-MM", CultureInfo.InvariantCulture), plan.PaymentRequestsPerMonth, plan, month);
    }

    public QuotaStatus Status(int used) => Limit is { } limit
        ? new QuotaStatus(used < limit, used, limit, used < limit ? null : Refusal(limit))
        : QuotaStatus.Unlimited(used);

    /// <summary>After a consume: whether this one was granted, with the count including it.</summary>
    public QuotaStatus Consumed(bool granted, int used) => granted
        ? new QuotaStatus(true, used, Limit, null)
        : new QuotaStatus(false, used, Limit, Refusal(Limit ?? 0));

    private string Refusal(int limit)
    {
        if (Plan is null || Month is not { } month)
        {
            return limit == 0
                ? "Your practice has no free secure payment requests. Ask the platform operator to give your practice a plan."
                : $"Your practice has used its {limit} free secure payment request{(limit == 1 ? "" : "s")}. To send more, ask the platform operator to give your practice a plan.";
        }

        var culture = CultureInfo.GetCultureInfo("en-CA");
        return $"Your plan ({Plan.Name}) allows {limit} secure payment request{(limit == 1 ? "" : "s")} a month, and all {limit} of {month.ToString("MMMM yyyy", culture)} have been used. "
            + $"More can be sent from {month.AddMonths(1).ToString("d MMMM yyyy", culture)}, or ask the platform operator for a larger plan.";
    }
}
