using Microsoft.EntityFrameworkCore;
using Portal.Core.Jobs;
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
    StoredFileScan scan,
    DocumentScanning scanning,
    DocumentNotifications notifications,
    QuarantineNotice quarantine,
    TimeProvider clock) : IJobHandler<DocumentScan>
{
    public static string JobType => "documents.scan";

    public async Task ExecuteAsync(DocumentScan payload, JobContext context, CancellationToken cancellationToken)
    {
        var versionId = payload.VersionId;
        var version = await db.Versions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken);
        if (version is not { ScanState: ScanState.Pending })
        {
            return; // decided by an earlier delivery of this job, or purged with its document
        }

        if (await scan.ScanAsync(version.BlobKey, version.Sha256, cancellationToken) is not { } verdict)
        {
            return;
        }

        if (verdict.State == ScanState.Quarantined)
        {
            // Told before it is recorded: a crash in between repeats the notice rather than losing it.
            await quarantine.TellAsync(version, verdict.Signature!, cancellationToken);
        }

        await DecideAsync(version, verdict.State, verdict.Signature, cancellationToken);
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
