using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Jobs;
using Portal.Core.Scanning;
using Portal.Documents.Data;
using Portal.Documents.Models;

namespace Portal.Documents.Services;

/// <summary>
/// Starts each new version in the right scan state and queues its scan (a <see cref="DocumentScanHandler"/>
/// job); the maintenance job queues again the scans still waiting after <see cref="RequeueAfter"/>
/// (a job that ran out of attempts while clamd was down, or one lost before it was queued).
/// </summary>
public sealed class DocumentScanning(DocumentsDbContext db, IJobQueue jobs, IOptions<ScanningOptions> options, TimeProvider clock)
{
    /// <summary>Longer than a scan job's retries with the default backoff (about 21 minutes), so a waiting scan is not doubled.</summary>
    public static readonly TimeSpan RequeueAfter = TimeSpan.FromMinutes(30);

    /// <summary>At most this many scans are queued again per practice and maintenance run.</summary>
    public const int RequeueBatch = 500;

    /// <summary>Pending while a scan is to come (scanning on, or off and holding files); otherwise released unscanned.</summary>
    public ScanState InitialState => options.Value.IsOn || options.Value.WhenOff == WhenScanningOff.Hold ? ScanState.Pending : ScanState.NotScanned;

    public async Task QueueAsync(DocumentVersion version, CancellationToken cancellationToken)
    {
        if (version.ScanState == ScanState.Pending && options.Value.IsOn)
        {
            await jobs.EnqueueAsync<DocumentScanHandler, DocumentScan>(new DocumentScan(version.Id), cancellationToken);
        }
    }

    public async Task QueueAsync(Attachment attachment, CancellationToken cancellationToken)
    {
        if (attachment.ScanState == ScanState.Pending && options.Value.IsOn)
        {
            await jobs.EnqueueAsync<AttachmentScanHandler, AttachmentScan>(new AttachmentScan(attachment.Id), cancellationToken);
        }
    }

    /// <summary>Queues the scans of versions (and attachments) pending for longer than <see cref="RequeueAfter"/>; returns how many.</summary>
    public async Task<int> RequeueWaitingAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.IsOn)
        {
            return 0;
        }

        var before = clock.GetUtcNow().UtcDateTime - RequeueAfter;
        var waiting = await db.Versions.AsNoTracking()
            .Where(v => v.ScanState == ScanState.Pending && v.UploadedAt < before)
            .OrderBy(v => v.UploadedAt).Select(v => v.Id).Take(RequeueBatch)
            .ToListAsync(cancellationToken);
        foreach (var versionId in waiting)
        {
            await jobs.EnqueueAsync<DocumentScanHandler, DocumentScan>(new DocumentScan(versionId), cancellationToken);
        }

        var waitingAttachments = await db.Attachments.AsNoTracking()
            .Where(a => a.ScanState == ScanState.Pending && a.CreatedAt < before)
            .OrderBy(a => a.CreatedAt).Select(a => a.Id).Take(RequeueBatch)
            .ToListAsync(cancellationToken);
        foreach (var attachmentId in waitingAttachments)
        {
            await jobs.EnqueueAsync<AttachmentScanHandler, AttachmentScan>(new AttachmentScan(attachmentId), cancellationToken);
        }

        return waiting.Count + waitingAttachments.Count;
    }

    /// <summary>Points each side at the newest version it may see, computed in one statement from the versions as they are now.</summary>
    public Task RefreshVersionPointersAsync(Guid documentId, CancellationToken cancellationToken)
        => db.Documents.Where(d => d.Id == documentId).ExecuteUpdateAsync(
            s => s
                .SetProperty(
                    d => d.StaffVersionId,
                    d => db.Versions.Where(v => v.DocumentId == d.Id).Where(ScanVisibility.VisibleToStaff)
                        .OrderByDescending(v => v.Number).Select(v => (Guid?)v.Id).FirstOrDefault())
                .SetProperty(
                    d => d.ClientVersionId,
                    d => db.Versions.Where(v => v.DocumentId == d.Id).Where(ScanVisibility.VisibleToClients)
                        .OrderByDescending(v => v.Number).Select(v => (Guid?)v.Id).FirstOrDefault()),
            cancellationToken);
}

/// <summary>The payload of a scan job.</summary>
public sealed record DocumentScan(Guid VersionId);
