using Portal.Core.Contracts;

namespace Portal.Plans.Services;

/// <summary>The current practice's plan as limits other modules enforce (seats in Identity, storage in Documents).</summary>
internal sealed class PracticePlanLimits(PracticePlanLookup practice) : IPlanLimits
{
    private const long BytesPerGigabyte = 1024L * 1024 * 1024;

    public async Task<PlanLimits> GetAsync(CancellationToken cancellationToken = default)
        => await practice.PlanAsync(cancellationToken) is { } plan
            ? new PlanLimits(plan.Name, plan.StaffSeats, plan.StorageGigabytes * BytesPerGigabyte)
            : PlanLimits.None;
}
