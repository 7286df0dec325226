using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Jobs;
using Portal.Core.Storage;
using Portal.Documents.Data;

namespace Portal.Documents.Services;

/// <summary>
/// Practice recurring job (hourly, where documents are on): purges the trash after the retention
/// period (blobs first, then rows), removes expired unfinished uploads, deletes orphaned blobs
/// (stored bytes no version or upload refers to, left by a crash between storing and recording), and
/// queues again the malware scans still waiting (see <see cref="DocumentScanning"/>).
/// </summary>
public sealed class DocumentMaintenanceHandler(
    DocumentsDbContext db,
    EncryptedBlobStore blobs,
    TusUploads tusUploads,
    DocumentScanning scanning,
    IOptions<DocumentOptions> options,
    TimeProvider clock,
    ILogger<DocumentMaintenanceHandler> logger) : IJobHandler<ScheduledRun>
{
    public static string JobType => "documents.maintenance";

    /// <summary>An unreferenced blob younger than this may belong to an upload finishing right now.</summary>
    public static readonly TimeSpan OrphanGrace = TimeSpan.FromDays(1);

    public Task ExecuteAsync(ScheduledRun payload, JobContext context, CancellationToken cancellationToken) => MaintainAsync(cancellationToken);

    /// <summary>One maintenance pass over the current practice.</summary>
    public async Task MaintainAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;

        var cutoff = now - options.Value.TrashRetention;
        var expired = await db.Documents.Where(d => d.DeletedAt != null && d.DeletedAt < cutoff).Select(d => d.Id).ToListAsync(cancellationToken);
        foreach (var documentId in expired)
        {
            foreach (var blobKey in await db.Versions.Where(v => v.DocumentId == documentId).Select(v => v.BlobKey).ToListAsync(cancellationToken))
            {
                await blobs.DeleteAsync(blobKey, cancellationToken);
            }

            await db.Documents.Where(d => d.Id == documentId).ExecuteDeleteAsync(cancellationToken);
        }

        var uploads = await tusUploads.RemoveExpiredAsync(cancellationToken);
        var scans = await scanning.RequeueWaitingAsync(cancellationToken);

        var orphans = 0;
        await foreach (var blobKey in blobs.ListKeysAsync(cancellationToken))
        {
            if (!Guid.TryParse(blobKey, out var id) || CreatedAt(id) > now - OrphanGrace)
            {
                continue;
            }

            if (!await db.Versions.AnyAsync(v => v.BlobKey == blobKey, cancellationToken) && !await db.Uploads.AnyAsync(u => u.BlobKey == blobKey, cancellationToken)
                && !await db.Attachments.AnyAsync(a => a.BlobKey == blobKey, cancellationToken))
            {
                await blobs.DeleteAsync(blobKey, cancellationToken);
                orphans++;
            }
        }

        if (expired.Count + uploads + orphans + scans > 0)
        {
            logger.LogInformation(
                "Documents maintenance: {Purged} purged from the trash, {Uploads} expired uploads, {Orphans} orphaned blobs removed, {Scans} waiting scans queued again",
                expired.Count,
                uploads,
                orphans,
                scans);
        }
    }

    /// <summary>Blob keys are version-7 GUIDs, which carry their creation time (milliseconds since 1970).</summary>
    private static DateTime CreatedAt(Guid id)
    {
        var text = id.ToString("N");
        var milliseconds = Convert.ToInt64(text[..12], 16);
        return DateTime.UnixEpoch.AddMilliseconds(milliseconds);
    }
}
