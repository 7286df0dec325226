namespace Portal.Core.Contracts;

/// <summary>
/// The quotas of a portal without a plans module (a single practice hosting its own portal): nothing is
/// limited. The Plans module registers its own <see cref="IPlanQuotas"/> over this one.
/// </summary>
internal sealed class UnlimitedPlanQuotas : IPlanQuotas
{
    public Task<QuotaStatus> GetAsync(PlanQuota quota, CancellationToken cancellationToken = default)
        => Task.FromResult(QuotaStatus.Unlimited(0));

    public Task<QuotaStatus> TryConsumeAsync(PlanQuota quota, string reference, CancellationToken cancellationToken = default)
        => Task.FromResult(QuotaStatus.Unlimited(0));

    public Task ReleaseAsync(PlanQuota quota, string reference, CancellationToken cancellationToken = default)
        => Task.CompletedTask;
}
