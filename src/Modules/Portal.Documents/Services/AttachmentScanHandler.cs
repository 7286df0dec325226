using Microsoft.EntityFrameworkCore;
using Portal.Core.Jobs;
using Portal.Documents.Data;
using Portal.Documents.Models;

namespace Portal.Documents.Services;

/// <summary>
/// Scans one attachment as <see cref="DocumentScanHandler"/> scans a version: clean releases it,
/// malware quarantines it (never readable), no verdict fails the job for the queue to retry.
/// Idempotent: an attachment already decided, or deleted, is left alone.
/// </summary>
internal sealed class AttachmentScanHandler(
    DocumentsDbContext db,
    StoredFileScan scan,
    TimeProvider clock) : IJobHandler<AttachmentScan>
{
    public static string JobType => "documents.scan-attachment";

    public async Task ExecuteAsync(AttachmentScan payload, JobContext context, CancellationToken cancellationToken)
    {
        var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == payload.AttachmentId, cancellationToken);
        if (attachment is not { ScanState: ScanState.Pending })
        {
            return;
        }

        if (await scan.ScanAsync(attachment.BlobKey, attachment.Sha256, cancellationToken) is { } verdict)
        {
            await DecideAsync(attachment.Id, verdict.State, verdict.Signature, cancellationToken);
        }
    }

    private Task<int> DecideAsync(Guid attachmentId, ScanState state, string? signature, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Attachments.Where(a => a.Id == attachmentId && a.ScanState == ScanState.Pending).ExecuteUpdateAsync(
            s => s.SetProperty(a => a.ScanState, state).SetProperty(a => a.ScanSignature, signature).SetProperty(a => a.ScannedAt, now),
            cancellationToken);
    }
}

/// <summary>The payload of an attachment's scan job.</summary>
internal sealed record AttachmentScan(Guid AttachmentId);
