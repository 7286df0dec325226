using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Clients.Data;
using Portal.Clients.Models;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Events;
using Portal.Core.Security;

namespace Portal.Clients.Services;

/// <summary>
/// Imports clients from a CSV file in two steps: a preview of every row and its problems, then, only if
/// no row has one, the import of all rows in one transaction. The parsed rows wait server-side between
/// the two steps, for their uploader only.
/// </summary>
public sealed class ClientImporter(ClientsDbContext db, ClientStore store, IAuditLog audit, IDomainEventPublisher events, ICurrentActor actor, TimeProvider clock)
{
    public const long MaxFileBytes = 5 * 1024 * 1024;
    public static readonly TimeSpan PendingLifetime = TimeSpan.FromHours(2);

    public async Task<ImportPreview> PreviewAsync(string fileName, byte[] content, CancellationToken cancellationToken = default)
    {
        fileName = Path.GetFileName(fileName);
        if (fileName.Length > 260)
        {
            fileName = fileName[..260];
        }

        var (rows, fileErrors) = await ClientCsv.ReadAsync(content, cancellationToken);
        if (fileErrors.Count > 0)
        {
            return new ImportPreview(fileName, [], fileErrors, null);
        }

        var checks = await CheckAsync(rows, cancellationToken);
        Guid? pendingId = null;
        if (checks.All(c => c.Errors.Count == 0))
        {
            pendingId = await KeepAsync(fileName, rows, cancellationToken);
        }

        return new ImportPreview(fileName, checks, [], pendingId);
    }

    /// <summary>A kept file, checked again against today's clients; null if it expired, was imported or is someone else's.</summary>
    public async Task<ImportPreview?> LoadAsync(Guid pendingId, CancellationToken cancellationToken = default)
    {
        var pending = await FindPendingAsync(pendingId, cancellationToken);
        if (pending is null)
        {
            return null;
        }

        var rows = Rows(pending);
        return new ImportPreview(pending.FileName, await CheckAsync(rows, cancellationToken), [], pending.Id);
    }

    /// <summary>
    /// Imports every row of a kept file, or nothing: the rows are checked again inside the transaction,
    /// and any problem (e.g. an external id someone used meanwhile) rolls it all back.
    /// </summary>
    public async Task<(int Imported, ImportPreview? Problems)> ConfirmAsync(Guid pendingId, CancellationToken cancellationToken = default)
    {
        var pending = await FindPendingAsync(pendingId, cancellationToken);
        if (pending is null)
        {
            return (0, null);
        }

        var rows = Rows(pending);
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var transaction = await db.Database.BeginOrNestTransactionAsync(cancellationToken))
        {
            var checks = await CheckAsync(rows, cancellationToken);
            if (checks.Any(c => c.Errors.Count > 0))
            {
                return (0, new ImportPreview(pending.FileName, checks, [], pending.Id));
            }

            foreach (var check in checks)
            {
                var client = new Client { Id = Guid.CreateVersion7(), Status = ClientStatus.Active, CreatedAt = now, CreatedBy = actor.Actor.UserId };
                ClientStore.Apply(client, check.Input, now);
                db.Clients.Add(client);
                events.Publish(db, new ClientCreated(client.Id, client.Name));
            }

            db.PendingImports.Remove(pending);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                var again = await CheckAsync(rows, cancellationToken);
                return (0, new ImportPreview(pending.FileName, again, again.Any(c => c.Errors.Count > 0) ? [] : ["Another change got in the way. Nothing was imported; try again."], pending.Id));
            }
        }

        // Recorded after the commit: the audit trail has its own transaction (and, on SQLite, its own write lock).
        await audit.RecordAsync(new AuditEntry(ClientAuditActions.ClientsImported, AuditTargetTypes.Client, null, $"{rows.Count} clients from {pending.FileName}"), cancellationToken);
        return (rows.Count, null);
    }

    private async Task<List<ImportRowCheck>> CheckAsync(IReadOnlyList<ImportRow> rows, CancellationToken cancellationToken)
    {
        var externalIds = rows.Where(r => r.ExternalId is not null).Select(r => r.ExternalId!).Distinct(StringComparer.Ordinal).ToList();
        var existing = await store.ClientsByExternalIdAsync(externalIds, cancellationToken);
        var linesById = rows.Where(r => r.ExternalId is not null).ToLookup(r => r.ExternalId!, r => r.Line, StringComparer.Ordinal);

        var checks = new List<ImportRowCheck>(rows.Count);
        foreach (var row in rows)
        {
            var errors = new List<FieldError>();
            if (row.Layout is not null)
            {
                errors.Add(new("Row", row.Layout));
            }

            if (!ClientRules.TryParseKind(row.Kind, out var kind))
            {
                errors.Add(new("Kind", $"'{row.Kind}' is not a kind of client. Use Individual or Business (empty means Individual)."));
            }

            var input = ClientRules.Clean(new ClientInput(kind, row.Name, row.Emails, row.Phone, row.Address, row.ExternalId, row.Notes));
            errors.AddRange(ClientRules.Validate(input));
            if (input.ExternalId is { } externalId)
            {
                var others = linesById[externalId].Where(l => l != row.Line).ToList();
                if (others.Count > 0)
                {
                    errors.Add(new("ExternalId", $"'{externalId}' is also on line {string.Join(", ", others)}. Each client needs its own external ID."));
                }

                if (existing.TryGetValue(externalId, out var owner))
                {
                    errors.Add(ClientStore.ExternalIdTaken(externalId, owner));
                }
            }

            checks.Add(new ImportRowCheck(row, input, errors));
        }

        return checks;
    }

    private async Task<Guid> KeepAsync(string fileName, IReadOnlyList<ImportRow> rows, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;

        // Expired previews are dropped here rather than by a job: uploads are rare and the rows are small.
        await db.PendingImports.Where(p => p.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        var pending = new PendingImport
        {
            Id = Guid.CreateVersion7(),
            FileName = fileName,
            RowsJson = JsonSerializer.Serialize(rows),
            CreatedBy = actor.Actor.UserId,
            CreatedAt = now,
            ExpiresAt = now + PendingLifetime,
        };
        db.PendingImports.Add(pending);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(pending).State = EntityState.Detached;
        return pending.Id;
    }

    private Task<PendingImport?> FindPendingAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = actor.Actor.UserId;
        return db.PendingImports.SingleOrDefaultAsync(p => p.Id == id && p.CreatedBy == userId && p.ExpiresAt > now, cancellationToken);
    }

    private static List<ImportRow> Rows(PendingImport pending) => JsonSerializer.Deserialize<List<ImportRow>>(pending.RowsJson) ?? [];
}
