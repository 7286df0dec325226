using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Tenancy;
using Portal.Core.Time;
using Portal.Plans.Data;
using Portal.Plans.Models;

namespace Portal.Plans.Services;

/// <summary>The current practice's plan and the quota period in force now.</summary>
public sealed class PracticePlanLookup(PlansDbContext db, TenantContext tenant, IPracticeClock clock, IOptions<PlansOptions> options)
{
    /// <summary>The practice's registry id; a descriptor without one would let practices share counters, so it is refused.</summary>
    public Guid PracticeId => tenant.Tenant.Id != Guid.Empty
        ? tenant.Tenant.Id
        : throw new InvalidOperationException($"Practice '{tenant.Tenant.Name}' has no registry id; its quotas cannot be counted.");

    public Task<Plan?> PlanAsync(CancellationToken cancellationToken)
        => db.PracticePlans.AsNoTracking()
            .Where(a => a.TenantId == PracticeId)
            .Join(db.Plans.AsNoTracking(), a => a.PlanId, p => p.Id, (_, p) => p)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<QuotaPeriod> PeriodAsync(CancellationToken cancellationToken)
        => await PlanAsync(cancellationToken) is { } plan
            ? QuotaPeriod.MonthOf(plan, await clock.TodayAsync(cancellationToken))
            : QuotaPeriod.FreeAllowance(Math.Max(0, options.Value.FreePaymentRequests));
}
