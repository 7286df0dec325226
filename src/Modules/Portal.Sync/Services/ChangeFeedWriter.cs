using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Events;
using Portal.Sync.Data;
using Portal.Sync.Models;

namespace Portal.Sync.Services;

/// <summary>
/// Appends to the change feed, once per domain event (delivery is at least once). On PostgreSQL the
/// appends take turns under a transaction lock, so a sequence number is only handed out after every
/// smaller one was committed: a program that read up to a cursor never misses an event committed late.
/// </summary>
internal sealed class ChangeFeedWriter(SyncDbContext db)
{
    private const long AppendLock = 0x53594E43; // "SYNC"

    public async Task AppendAsync(DomainEventContext context, string kind, Guid clientId, object details, CancellationToken cancellationToken)
    {
        if (await db.Changes.AnyAsync(c => c.EventId == context.EventId, cancellationToken))
        {
            return;
        }

        await using var transaction = await db.Database.BeginOrNestTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AppendLock})", cancellationToken);
        }

        db.Changes.Add(new SyncChange
        {
            EventId = context.EventId,
            Kind = kind,
            OccurredAt = context.OccurredAt,
            ClientId = clientId,
            Payload = JsonSerializer.Serialize(details, details.GetType(), JsonSerializerOptions.Web),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Delivered twice at once: fine when the other delivery wrote it.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (!await db.Changes.AsNoTracking().AnyAsync(c => c.EventId == context.EventId, cancellationToken))
            {
                throw;
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
