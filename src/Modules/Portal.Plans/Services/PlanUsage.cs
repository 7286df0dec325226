using Portal.Core.Contracts;

namespace Portal.Plans.Services;

/// <summary>What the current practice's plan allows and what it has used, for the practice's "Plan and usage" page.</summary>
public sealed class PlanUsage(PracticePlanLookup practice, IPlanQuotas quotas, IUserDirectory users, IEnumerable<IPracticeStorage> storage)
{
    public async Task<PlanUsageSummary> GetAsync(CancellationToken cancellationToken)
    {
        var plan = await practice.PlanAsync(cancellationToken);
        var period = await practice.PeriodAsync(cancellationToken);
        var requests = await quotas.GetAsync(PlanQuota.SecurePaymentRequests, cancellationToken);
        var staff = await users.ListStaffAsync(cancellationToken);

        // Documents owns the storage quota (the plan's storage feeds it); without Documents there is nothing stored.
        var stored = storage.LastOrDefault() is { } store ? await store.GetAsync(cancellationToken) : null;
        return new PlanUsageSummary(plan?.Name, period.Month, requests, staff.Count(s => !s.IsDisabled), plan?.StaffSeats, stored);
    }
}

/// <param name="PlanName">Null: no plan, the free allowance applies.</param>
/// <param name="Month">The practice month the payment requests are counted in; null for the free allowance (counted in total).</param>
public sealed record PlanUsageSummary(string? PlanName, DateOnly? Month, QuotaStatus PaymentRequests, int StaffSeatsUsed, int? StaffSeats, PracticeStorageUse? Storage);
