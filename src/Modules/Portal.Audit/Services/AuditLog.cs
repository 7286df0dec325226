using Microsoft.EntityFrameworkCore;
using Portal.Audit.Data;
using Portal.Audit.Models;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Security;

namespace Portal.Audit.Services;

/// <summary>
/// Appends events to the practice's chain. Appends are serialised (an advisory lock on PostgreSQL,
/// an immediate write transaction on SQLite) so sequences have no gaps and every event links to the
/// one before it, even with several servers. A failure to record propagates: security events are
/// not silently dropped. In a <see cref="PracticeBatch"/> the events are kept until the batch commits
/// and appended together in its transaction (one lock and one read of the chain's end per commit, not
/// per event); an item the batch undoes takes its events with it.
/// </summary>
public sealed class AuditLog(AuditDbContext db, ICurrentActor current, TimeProvider clock, PracticeBatch batch) : IAuditLog, IBatchDeferredWrites
{
    private readonly List<AuditEvent> _deferred = [];

    int IBatchDeferredWrites.Count => _deferred.Count;

    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        var audit = Describe(entry);
        if (batch.IsOpen)
        {
            batch.Defer(this);
            _deferred.Add(audit);
            return;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            await AppendAsync([audit], cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        });
    }

    void IBatchDeferredWrites.UndoTo(int count) => _deferred.RemoveRange(count, _deferred.Count - count);

    async Task IBatchDeferredWrites.FlushAsync(CancellationToken cancellationToken)
    {
        if (_deferred.Count > 0)
        {
            await AppendAsync(_deferred, cancellationToken);
            _deferred.Clear();
        }
    }

    /// <summary>Links <paramref name="events"/> to the chain's end, in order, inside the current transaction.</summary>
    private async Task AppendAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
    {
        // The chain's lock is taken every time: it is re-entrant, and a rollback to a savepoint taken
        // before it (a failed item of a caller's transaction) releases it.
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':audit'))", cancellationToken);
        }

        var last = await db.Events.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        var sequence = last?.Sequence ?? 0;
        var previous = last?.Hash ?? AuditHash.Genesis;
        foreach (var audit in events)
        {
            audit.Sequence = ++sequence;
            audit.PreviousHash = previous;
            audit.Hash = previous = AuditHash.Compute(audit);
            db.Events.Add(audit);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private AuditEvent Describe(AuditEntry entry)
    {
        var actor = current.Actor;
        return new AuditEvent
        {
            OccurredAt = AuditHash.Truncate(clock.GetUtcNow().UtcDateTime),
            Action = Limit(entry.Action, 100)!,
            ActorId = entry.ActorId ?? actor.UserId,
            ActorName = Limit(entry.ActorName ?? actor.Name, 320),
            IpAddress = Limit(actor.IpAddress, 64),
            TargetType = Limit(entry.TargetType, 50),
            TargetId = Limit(entry.TargetId, 100),
            Details = Limit(entry.Details, 2000),
        };
    }

    private static string? Limit(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
