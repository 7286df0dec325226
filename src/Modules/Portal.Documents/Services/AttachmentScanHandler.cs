using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Jobs;
using Portal.Core.Scanning;
using Portal.Core.Storage;
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
    EncryptedBlobStore blobs,
    IMalwareScanner scanner,
    IOptions<ScanningOptions> options,
    TimeProvider clock) : IJobHandler<AttachmentScan>
{
    public static string JobType => "documents.scan-attachment";

    private const int MaxSignatureLength = 200;

    public async Task ExecuteAsync(AttachmentScan payload, JobContext context, CancellationToken cancellationToken)
    {
        var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == payload.AttachmentId, cancellationToken);
        if (attachment is not { ScanState: ScanState.Pending })
        {
            return;
        }

        if (!options.Value.IsOn)
        {
            if (options.Value.WhenOff == WhenScanningOff.Release)
            {
                await DecideAsync(attachment.Id, ScanState.NotScanned, null, cancellationToken);
            }

            return;
        }

        ScanResult result;
        await using (var content = await blobs.OpenReadAsync(attachment.BlobKey, attachment.Sha256, cancellationToken))
        {
            result = await scanner.ScanAsync(content, cancellationToken);
        }

        switch (result)
        {
            case ScanResult.Clean:
                await DecideAsync(attachment.Id, ScanState.Clean, null, cancellationToken);
                break;
            case ScanResult.Infected infected:
                await DecideAsync(attachment.Id, ScanState.Quarantined, infected.Signature.Length > MaxSignatureLength ? infected.Signature[..MaxSignatureLength] : infected.Signature, cancellationToken);
                break;
            case ScanResult.Unavailable unavailable:
                throw new ScannerUnavailableException(unavailable.Reason);
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
