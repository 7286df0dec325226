using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Clients.Services;
using Portal.Core.Data;
using Portal.Documents.Services;
using Portal.Sync.Api;
using Portal.Sync.Data;
using Portal.Sync.Models;

namespace Portal.Sync.Services;

/// <summary>
/// Applies a documents batch: each item names where a file goes (client, folder path made when missing,
/// name) and what content it has. When the practice's file there already has that content the item is
/// unchanged; otherwise the answer asks for an upload, which tus at /api/v1/uploads turns into the first
/// or next version of that file (Documents versions a file by its folder and name). A tombstone moves the
/// file to the trash.
/// </summary>
public sealed class DocumentSync(PracticeBatch unit, SyncDbContext db, DocumentExchange exchange, DocumentAccess access, DocumentLibrary library, ClientExternalIds clients, TimeProvider clock)
{
    public const string UploadPath = "/api/v1/uploads";

    public async Task<SyncBatchResult> ApplyAsync(SyncBatch<DocumentItem> batch, ClaimsPrincipal program, CancellationToken cancellationToken)
    {
        var clientIds = await clients.IdsAsync(batch.Items!.Select(i => i?.ClientExternalId?.Trim()).OfType<string>().ToList(), cancellationToken);

        // The batch's stored announcements in one query; an item that changes one attaches it.
        var externalIds = batch.Items!.Select(i => i?.ExternalId?.Trim()).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var stored = externalIds.Count == 0
            ? new Dictionary<string, SyncedDocument>(StringComparer.Ordinal)
            : await db.SyncedDocuments.AsNoTracking().Where(d => externalIds.Contains(d.ExternalId)).ToDictionaryAsync(d => d.ExternalId, StringComparer.Ordinal, cancellationToken);
        return await SyncBatches.ApplyAsync(unit, batch, (item, externalId) => item.Deleted
            ? TrashAsync(externalId, stored, program, cancellationToken)
            : AnnounceAsync(item, externalId, clientIds, stored, program, cancellationToken), cancellationToken);
    }

    private async Task<SyncItemResult> TrashAsync(string externalId, Dictionary<string, SyncedDocument> stored, ClaimsPrincipal program, CancellationToken cancellationToken)
    {
        if (stored.GetValueOrDefault(externalId) is not { } synced)
        {
            return new SyncItemResult(externalId, SyncItemStatus.Unchanged);
        }

        var current = await exchange.SentVersionAsync(synced.ClientId, synced.FolderId, synced.FileName, cancellationToken);
        if (current is not null)
        {
            var rights = await access.ForClientAsync(program, synced.ClientId, cancellationToken);
            await library.TrashAsync(rights, [current.DocumentId], program, cancellationToken);
        }

        db.SyncedDocuments.Remove(synced);
        await db.SaveChangesAsync(cancellationToken);
        stored.Remove(externalId);
        return new SyncItemResult(externalId, SyncItemStatus.Deleted) { Id = current?.DocumentId };
    }

    private async Task<SyncItemResult> AnnounceAsync(DocumentItem item, string externalId, IReadOnlyDictionary<string, Guid> clientIds, Dictionary<string, SyncedDocument> stored, ClaimsPrincipal program, CancellationToken cancellationToken)
    {
        var errors = new List<SyncFieldError>();
        if (item.ClientExternalId?.Trim() is not { } clientExternalId || !clientIds.TryGetValue(clientExternalId, out var clientId))
        {
            errors.Add(SyncItemErrors.UnknownClient(item.ClientExternalId));
            clientId = Guid.Empty;
        }

        var fileName = FileNames.CleanOrEmpty(item.FileName);
        if (fileName.Length is 0 or > SyncedDocument.FileNameMaxLength)
        {
            errors.Add(SyncItemErrors.FileNameRequired());
        }

        if (item.Length is not > 0)
        {
            errors.Add(SyncItemErrors.LengthInvalid());
        }

        var sha256 = item.Sha256?.Trim().ToLowerInvariant() ?? "";
        if (sha256.Length != SyncedDocument.Sha256Length || !sha256.All(char.IsAsciiHexDigitLower))
        {
            errors.Add(SyncItemErrors.Sha256Invalid());
        }

        if (errors.Count > 0)
        {
            return SyncItemResult.Failed(externalId, [.. errors]);
        }

        var (folderId, folderError) = await exchange.EnsureFolderPathAsync(clientId, item.Folder, program, cancellationToken);
        if (folderError is not null)
        {
            return SyncItemResult.Failed(externalId, new SyncFieldError("folder", folderError.Code, folderError.Message));
        }

        var synced = stored.GetValueOrDefault(externalId);
        if (synced is null || synced.ClientId != clientId || synced.FolderId != folderId || synced.FileName != fileName || synced.Length != item.Length || synced.Sha256 != sha256)
        {
            // Read before the items; each item of a batch ends with nothing tracked (PracticeBatch).
            synced = synced is null ? stored[externalId] = db.SyncedDocuments.Add(new SyncedDocument { ExternalId = externalId }).Entity : db.SyncedDocuments.Attach(synced).Entity;
            synced.ClientId = clientId;
            synced.FolderId = folderId;
            synced.FileName = fileName;
            synced.Length = item.Length!.Value;
            synced.Sha256 = sha256;
            synced.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }

        var current = await exchange.SentVersionAsync(clientId, folderId, fileName, cancellationToken);
        if (current is not null && current.Sha256 == sha256 && current.Size == item.Length)
        {
            return new SyncItemResult(externalId, SyncItemStatus.Unchanged) { Id = current.DocumentId };
        }

        return new SyncItemResult(externalId, SyncItemStatus.Upload)
        {
            Id = current?.DocumentId,
            Extra = new Dictionary<string, object?> { ["upload"] = new UploadAddress(UploadPath) },
        };
    }
}

/// <summary>Where to send a document's content (relative to the practice's address).</summary>
public sealed record UploadAddress(string Url);
