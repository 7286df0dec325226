using Microsoft.EntityFrameworkCore;
using Portal.Clients.Services;
using Portal.Documents.Services;
using Portal.Sync.Api;
using Portal.Sync.Data;
using Portal.Sync.Models;

namespace Portal.Sync.Services;

/// <summary>
/// "Check for New Files": what clients uploaded that the program has not marked downloaded. The marks
/// are the program's own (staff's "new" marks are left to staff).
/// </summary>
public sealed class NewClientFiles(SyncDbContext db, DocumentExchange exchange, ClientExternalIds clients, TimeProvider clock)
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = 1000;
    private const int Page = 500;

    public async Task<NewDocuments> ListAsync(int limit, CancellationToken cancellationToken)
    {
        var found = new List<ClientUploadedFile>();
        ClientUploadedFile? last = null;
        while (found.Count < limit)
        {
            var page = await exchange.ClientUploadsAsync(last, Page, cancellationToken);
            var ids = page.Select(f => f.VersionId).ToList();
            var marked = await db.DownloadedVersions.AsNoTracking().Where(d => ids.Contains(d.VersionId)).Select(d => d.VersionId).ToListAsync(cancellationToken);
            found.AddRange(page.Where(f => !marked.Contains(f.VersionId)).Take(limit - found.Count));
            if (page.Count < Page)
            {
                break;
            }

            last = page[^1];
        }

        var externalIds = await clients.ExternalIdsAsync(found.Select(f => f.ClientId).ToList(), cancellationToken);
        return new NewDocuments(found.Select(f => new NewDocument(
            f.ClientId, externalIds.GetValueOrDefault(f.ClientId), f.DocumentId, f.VersionId, f.FileName, f.Folder, f.Length, f.Sha256, f.UploadedAt, f.UploadedBy)).ToList());
    }

    /// <summary>Marks the versions downloaded; answers how many were not marked before.</summary>
    public async Task<int> MarkAsync(IReadOnlyList<Guid> versionIds, CancellationToken cancellationToken)
    {
        var wanted = versionIds.Distinct().ToList();
        var already = await db.DownloadedVersions.AsNoTracking().Where(d => wanted.Contains(d.VersionId)).Select(d => d.VersionId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = wanted.Except(already).Select(id => new DownloadedVersion { VersionId = id, DownloadedAt = now }).ToList();
        if (added.Count == 0)
        {
            return 0;
        }

        db.DownloadedVersions.AddRange(added);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Marked meanwhile by another request: the marks are there either way.
            db.ChangeTracker.Clear();
            return 0;
        }

        return added.Count;
    }
}
