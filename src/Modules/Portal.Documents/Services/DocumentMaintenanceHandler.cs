using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Jobs;
using Portal.Core.Storage;
using Portal.Core.Tenancy;
using Portal.Documents.Data;

namespace Portal.Documents.Services;

/// <summary>
/// Platform job, for every running practice with documents on: purges the trash after the retention
/// period (blobs first, then rows), removes expired unfinished uploads, deletes orphaned blobs
/// (stored bytes no version or upload refers to, left by a crash between storing and recording), and
/// queues again the malware scans still waiting (see <see cref="DocumentScanning"/>).
/// </summary>
public sealed class DocumentMaintenanceHandler(
    TenantRegistry registry,
    TenantScopeFactory scopes,
    IOptions<DocumentOptions> options,
    TimeProvider clock,
    ILogger<DocumentMaintenanceHandler> logger) : IJobHandler
{
    public static string JobType => "documents.maintenance";

    /// <summary>An unreferenced blob younger than this may belong to an upload finishing right now.</summary>
    public static readonly TimeSpan OrphanGrace = TimeSpan.FromDays(1);

    public async Task ExecuteAsync(JobContext context, CancellationToken cancellationToken)
    {
        foreach (var tenant in registry.Running.Where(t => t.IsFeatureEnabled(Manifest.Feature)).ToList())
        {
            await using var scope = scopes.CreateScope(tenant);
            await RunForPracticeAsync(scope.ServiceProvider, cancellationToken);
        }
    }

    public async Task RunForPracticeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<DocumentsDbContext>();
        var blobs = services.GetRequiredService<EncryptedBlobStore>();
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

        var uploads = await services.GetRequiredService<TusUploads>().RemoveExpiredAsync(cancellationToken);
        var scans = await services.GetRequiredService<DocumentScanning>().RequeueWaitingAsync(cancellationToken);

        var orphans = 0;
        await foreach (var blobKey in blobs.ListKeysAsync(cancellationToken))
        {
            if (!Guid.TryParse(blobKey, out var id) || CreatedAt(id) > now - OrphanGrace)
            {
                continue;
            }

            if (!await db.Versions.AnyAsync(v => v.BlobKey == blobKey, cancellationToken) && !await db.Uploads.AnyAsync(u => u.BlobKey == blobKey, cancellationToken))
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
