using Microsoft.Extensions.Options;
using Portal.Core.Scanning;
using Portal.Core.Storage;
using Portal.Documents.Models;

namespace Portal.Documents.Services;

/// <summary>What a scan decides for a stored file (a version or an attachment).</summary>
/// <param name="Signature">The malware's name when quarantined, cut to the column's length.</param>
public sealed record ScanVerdict(ScanState State, string? Signature = null);

/// <summary>
/// Scans a stored file for <see cref="DocumentScanHandler"/> and <see cref="AttachmentScanHandler"/>:
/// its plaintext streams from the encrypted store straight to the scanner. Null means leave it
/// pending (scanning was switched off after it was queued and unscanned files wait); no verdict from
/// the scanner throws <see cref="ScannerUnavailableException"/>, for the queue to retry.
/// </summary>
public sealed class StoredFileScan(EncryptedBlobStore blobs, IMalwareScanner scanner, IOptions<ScanningOptions> options)
{
    /// <summary>The length of the signature columns.</summary>
    public const int MaxSignatureLength = 200;

    public async Task<ScanVerdict?> ScanAsync(string blobKey, string sha256, CancellationToken cancellationToken)
    {
        if (!options.Value.IsOn)
        {
            // Scanning was switched off after this was queued: the setting for unscanned files decides.
            return options.Value.WhenOff == WhenScanningOff.Release ? new ScanVerdict(ScanState.NotScanned) : null;
        }

        ScanResult result;
        await using (var content = await blobs.OpenReadAsync(blobKey, sha256, cancellationToken))
        {
            result = await scanner.ScanAsync(content, cancellationToken);
        }

        return result switch
        {
            ScanResult.Clean => new ScanVerdict(ScanState.Clean),
            ScanResult.Infected infected => new ScanVerdict(ScanState.Quarantined, infected.Signature.Length > MaxSignatureLength ? infected.Signature[..MaxSignatureLength] : infected.Signature),
            ScanResult.Unavailable unavailable => throw new ScannerUnavailableException(unavailable.Reason),
            _ => throw new InvalidOperationException($"Unknown scan result {result.GetType().Name}."),
        };
    }
}
