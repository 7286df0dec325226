using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Plans.Data;
using Portal.Plans.Models;

namespace Portal.Plans.Services;

/// <summary>
/// Counts the current practice's quota units in the host store (rule: <see cref="QuotaPeriod"/>). A consume
/// is a conditional UPDATE of the period's counter row ("Used &lt; limit"), which both PostgreSQL and SQLite
/// serialize on the row, plus a usage row unique per reference in the same transaction: of parallel consumes
/// for the last unit exactly one passes, and a retry of a reference (even a parallel one) counts once.
/// </summary>
internal sealed class PlanQuotas(PlansDbContext db, PracticePlanLookup practice, TimeProvider clock) : IPlanQuotas
{
    public async Task<QuotaStatus> GetAsync(PlanQuota quota, CancellationToken cancellationToken = default)
    {
        var period = await practice.PeriodAsync(cancellationToken);
        return period.Status(await UsedAsync(quota, period.Key, cancellationToken));
    }

    public async Task<QuotaStatus> TryConsumeAsync(PlanQuota quota, string reference, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(reference.Length, QuotaUsage.ReferenceMaxLength, nameof(reference));
        var period = await practice.PeriodAsync(cancellationToken);
        if (await ConsumedAlreadyAsync(quota, reference, period, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        await EnsureCounterAsync(quota, period.Key, cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var counter = Counter(quota, period.Key);
            if (period.Limit is { } limit)
            {
                counter = counter.Where(c => c.Used < limit);
            }

            if (await counter.ExecuteUpdateAsync(s => s.SetProperty(c => c.Used, c => c.Used + 1), cancellationToken) == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return period.Consumed(false, await UsedAsync(quota, period.Key, cancellationToken));
            }

            db.QuotaUsages.Add(new QuotaUsage
            {
                Id = Guid.NewGuid(),
                TenantId = practice.PracticeId,
                Quota = quota,
                Reference = reference,
                Period = period.Key,
                At = clock.GetUtcNow().UtcDateTime,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                var used = await UsedAsync(quota, period.Key, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return period.Consumed(true, used);
            }
            catch (DbUpdateException)
            {
                // The same reference consumed in parallel: this one's increment is rolled back below.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }

        return await ConsumedAlreadyAsync(quota, reference, period, cancellationToken)
            ?? throw new InvalidOperationException($"The {quota} unit of '{reference}' could be neither recorded nor found.");
    }

    public async Task ReleaseAsync(PlanQuota quota, string reference, CancellationToken cancellationToken = default)
    {
        var usage = await Usage(quota, reference).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (usage is null)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Only the release that deletes the row gives the unit back, so two releases return one unit.
        if (await db.QuotaUsages.Where(u => u.Id == usage.Id).ExecuteDeleteAsync(cancellationToken) == 1)
        {
            await Counter(quota, usage.Period).Where(c => c.Used > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Used, c => c.Used - 1), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<QuotaStatus?> ConsumedAlreadyAsync(PlanQuota quota, string reference, QuotaPeriod period, CancellationToken cancellationToken)
    {
        if (!await Usage(quota, reference).AnyAsync(cancellationToken))
        {
            return null;
        }

        return period.Consumed(true, await UsedAsync(quota, period.Key, cancellationToken));
    }

    private async Task EnsureCounterAsync(PlanQuota quota, string period, CancellationToken cancellationToken)
    {
        if (await Counter(quota, period).AnyAsync(cancellationToken))
        {
            return;
        }

        db.QuotaCounters.Add(new QuotaCounter { TenantId = practice.PracticeId, Quota = quota, Period = period });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another consume created it first; anything else is a real failure.
            db.ChangeTracker.Clear();
            if (!await Counter(quota, period).AnyAsync(cancellationToken))
            {
                throw;
            }
        }

        db.ChangeTracker.Clear();
    }

    private async Task<int> UsedAsync(PlanQuota quota, string period, CancellationToken cancellationToken)
        => await Counter(quota, period).Select(c => (int?)c.Used).FirstOrDefaultAsync(cancellationToken) ?? 0;

    private IQueryable<QuotaCounter> Counter(PlanQuota quota, string period)
    {
        var practiceId = practice.PracticeId;
        return db.QuotaCounters.Where(c => c.TenantId == practiceId && c.Quota == quota && c.Period == period);
    }

    private IQueryable<QuotaUsage> Usage(PlanQuota quota, string reference)
    {
        var practiceId = practice.PracticeId;
        return db.QuotaUsages.Where(u => u.TenantId == practiceId && u.Quota == quota && u.Reference == reference);
    }
}
