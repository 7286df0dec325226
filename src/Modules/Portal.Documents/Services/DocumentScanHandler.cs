using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Jobs;
using Portal.Core.Scanning;
using Portal.Core.Storage;
using Portal.Documents.Data;
using Portal.Documents.Models;

namespace Portal.Documents.Services;

/// <summary>
/// Scans one version: its plaintext streams from the encrypted store straight to the scanner. Clean
/// releases it to the other side; malware quarantines it and tells the practice; no verdict (scanner
/// down, cut off, timed out) fails the job, which the queue retries with backoff, and the version
/// stays pending. Idempotent: a version already decided is left alone.
/// </summary>
public sealed class DocumentScanHandler(
    DocumentsDbContext db,
    EncryptedBlobStore blobs,
    IMalwareScanner scanner,
    DocumentScanning scanning,
    DocumentNotifications notifications,
    QuarantineNotice quarantine,
    IOptions<ScanningOptions> options,
    TimeProvider clock) : IJobHandler<DocumentScan>
{
    public static string JobType => "documents.scan";

    /// <summary>The length of the signature column.</summary>
    private const int MaxSignatureLength = 200;

    public async Task ExecuteAsync(DocumentScan payload, JobContext context, CancellationToken cancellationToken)
    {
        var versionId = payload.VersionId;
        var version = await db.Versions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken);
        if (version is not { ScanState: ScanState.Pending })
        {
            return; // decided by an earlier delivery of this job, or purged with its document
        }

        if (!options.Value.IsOn)
        {
            // Scanning was switched off after this was queued: the setting for unscanned files decides.
            if (options.Value.WhenOff == WhenScanningOff.Release)
            {
                await DecideAsync(version, ScanState.NotScanned, null, cancellationToken);
            }

            return;
        }

        ScanResult result;
        await using (var content = await blobs.OpenReadAsync(version.BlobKey, version.Sha256, cancellationToken))
        {
            result = await scanner.ScanAsync(content, cancellationToken);
        }

        switch (result)
        {
            case ScanResult.Clean:
                await DecideAsync(version, ScanState.Clean, null, cancellationToken);
                break;
            case ScanResult.Infected infected:
                var signature = infected.Signature.Length > MaxSignatureLength ? infected.Signature[..MaxSignatureLength] : infected.Signature;

                // Told before it is recorded: a crash in between repeats the notice rather than losing it.
                await quarantine.TellAsync(version, signature, cancellationToken);
                await DecideAsync(version, ScanState.Quarantined, signature, cancellationToken);
                break;
            case ScanResult.Unavailable unavailable:
                throw new ScannerUnavailableException(unavailable.Reason);
        }
    }

    private async Task DecideAsync(DocumentVersion version, ScanState state, string? signature, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var decided = await db.Versions.Where(v => v.Id == version.Id && v.ScanState == ScanState.Pending).ExecuteUpdateAsync(
            s => s.SetProperty(v => v.ScanState, state).SetProperty(v => v.ScanSignature, signature).SetProperty(v => v.ScannedAt, now),
            cancellationToken);
        if (decided == 0)
        {
            return;
        }

        await scanning.RefreshVersionPointersAsync(version.DocumentId, cancellationToken);
        if (state != ScanState.Quarantined)
        {
            await notifications.ReleasedAsync(version, cancellationToken);
        }
    }
}
