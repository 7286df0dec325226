using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Audit.Data;
using Portal.Audit.Models;
using Portal.Core.Navigation;
using Portal.Core.Time;

namespace Portal.Audit.Services;

/// <summary>Reads the practice's trail for people: filtered, newest first, a page at a time or streamed.</summary>
public sealed class AuditTrail(AuditDbContext db, IPracticeClock clock)
{
    /// <summary>Rows read per query when streaming, so an export of any size holds one batch in memory.</summary>
    public const int BatchSize = 1000;

    public async Task<ListPage<AuditEvent>> ListAsync(AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var query = Filtered(filter, await clock.ZoneAsync(cancellationToken));
        var total = await query.CountAsync(cancellationToken);
        page = ListPage.Clamp(page, total, pageSize);
        var items = await query.OrderByDescending(e => e.Sequence)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);
        return new ListPage<AuditEvent>(items, total, page, pageSize);
    }

    /// <summary>Every action name recorded so far, for the filter's choices.</summary>
    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken cancellationToken = default)
        => await db.Events.Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);

    /// <summary>
    /// The filtered events, newest first, read in batches by sequence (keyset paging on the primary
    /// key), so rows reach the caller as they are read and later batches stay as cheap as the first.
    /// </summary>
    public async IAsyncEnumerable<AuditEvent> StreamAsync(AuditFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long? before = null;
        var zone = await clock.ZoneAsync(cancellationToken);
        while (true)
        {
            var query = Filtered(filter, zone);
            if (before is { } last)
            {
                query = query.Where(e => e.Sequence < last);
            }

            var batch = await query.OrderByDescending(e => e.Sequence).Take(BatchSize).ToListAsync(cancellationToken);
            foreach (var audit in batch)
            {
                yield return audit;
            }

            if (batch.Count < BatchSize)
            {
                yield break;
            }

            before = batch[^1].Sequence;
        }
    }

    /// <summary>The filter applied; its days are the practice's days, as people mean them.</summary>
    private IQueryable<AuditEvent> Filtered(AuditFilter filter, PracticeTimeZone zone)
    {
        var query = db.Events.AsNoTracking();
        if (filter.Action is { } action)
        {
            query = query.Where(e => e.Action == action);
        }

        if (filter.Actor is { } actor)
        {
            // lower() on both sides: LIKE and instr/strpos differ in case handling between SQLite and PostgreSQL.
            var term = actor.ToLowerInvariant();
            query = query.Where(e => e.ActorName != null && e.ActorName.ToLower().Contains(term));
        }

        if (filter.From is { } from)
        {
            var start = zone.StartOfDayUtc(from);
            query = query.Where(e => e.OccurredAt >= start);
        }

        if (filter.To is { } to && to < DateOnly.MaxValue)
        {
            var end = zone.StartOfDayUtc(to.AddDays(1));
            query = query.Where(e => e.OccurredAt < end);
        }

        return query;
    }
}
