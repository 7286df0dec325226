namespace Portal.Core.Contracts;

/// <summary>The limits of a portal without a plans module: none. The Plans module registers its own <see cref="IPlanLimits"/> over this one.</summary>
internal sealed class NoPlanLimits : IPlanLimits
{
    public Task<PlanLimits> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(PlanLimits.None);
}
