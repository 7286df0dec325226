using Microsoft.EntityFrameworkCore;
using Portal.Audit.Data;
using Portal.Audit.Models;
using Portal.Core.Contracts;
using Portal.Core.Security;

namespace Portal.Audit.Services;

/// <summary>
/// Appends events to the practice's chain. Appends are serialised (an advisory lock on PostgreSQL,
/// an immediate write transaction on SQLite) so sequences have no gaps and every event links to the
/// one before it, even with several servers. A failure to record propagates: security events are
/// not silently dropped.
/// </summary>
public sealed class AuditLog(AuditDbContext db, ICurrentActor current, TimeProvider clock) : IAuditLog
{
    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        var actor = current.Actor;
        var actorId = entry.ActorId ?? actor.UserId;
        var actorName = entry.ActorName ?? actor.Name;

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            // Inside a caller's transaction (a sync batch's) the append is one insert in it, no savepoint of
            // its own. The chain's lock is taken every time: it is re-entrant, and a rollback to a savepoint
            // taken before it (a failed batch item) releases it.
            await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':audit'))", cancellationToken);
            }

            var last = await db.Events.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
            var audit = new AuditEvent
            {
                Sequence = (last?.Sequence ?? 0) + 1,
                OccurredAt = AuditHash.Truncate(clock.GetUtcNow().UtcDateTime),
                Action = Limit(entry.Action, 100)!,
                ActorId = actorId,
                ActorName = Limit(actorName, 320),
                IpAddress = Limit(actor.IpAddress, 64),
                TargetType = Limit(entry.TargetType, 50),
                TargetId = Limit(entry.TargetId, 100),
                Details = Limit(entry.Details, 2000),
                PreviousHash = last?.Hash ?? AuditHash.Genesis,
            };
            audit.Hash = AuditHash.Compute(audit);
            db.Events.Add(audit);
            await db.SaveChangesAsync(cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            db.ChangeTracker.Clear();
        });
    }

    private static string? Limit(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
