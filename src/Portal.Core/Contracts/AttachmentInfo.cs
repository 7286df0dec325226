namespace Portal.Core.Contracts;

/// <param name="ContentType">The type recognised from the content, never the browser's claim.</param>
/// <param name="Sha256">Hex SHA-256 of the plaintext.</param>
public sealed record AttachmentInfo(
    Guid Id,
    string Owner,
    Guid OwnerId,
    string FileName,
    string ContentType,
    long Size,
    string Sha256,
    AttachmentScanState ScanState,
    DateTime CreatedAt)
{
    /// <summary>Whether the file may be read: scanned clean, or stored unscanned while scanning is off.</summary>
    public bool IsReleased => ScanState is AttachmentScanState.Clean or AttachmentScanState.NotScanned;
}
