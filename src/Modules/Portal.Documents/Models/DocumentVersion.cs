namespace Portal.Documents.Models;

/// <summary>One uploaded version of a document; its bytes are an encrypted blob.</summary>
public sealed class DocumentVersion
{
    public Guid Id { get; set; }

    public Guid DocumentId { get; set; }

    public int Number { get; set; }

    public string BlobKey { get; set; } = "";

    public long Size { get; set; }

    /// <summary>Hex SHA-256 of the plaintext, checked on every download.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>The type recognised from the content (not the browser's claim).</summary>
    public string ContentType { get; set; } = "application/octet-stream";

    public TransferDirection Direction { get; set; }

    public Guid UploadedBy { get; set; }

    public string UploadedByName { get; set; } = "";

    public DateTime UploadedAt { get; set; }

    /// <summary>Files from clients are "new" until a staff member downloads them.</summary>
    public DateTime? StaffDownloadedAt { get; set; }

    public Guid? StaffDownloadedBy { get; set; }

    /// <summary>Files from the practice are "new" to the client until one of its portal users downloads them.</summary>
    public DateTime? ClientDownloadedAt { get; set; }

    public Guid? ClientDownloadedBy { get; set; }

    /// <summary>Groups files sent together, so the recipient gets one e-mail per batch.</summary>
    public Guid? BatchId { get; set; }

    /// <summary>When the other side was told about this file (null: not yet).</summary>
    public DateTime? NotifiedAt { get; set; }

    public ScanState ScanState { get; set; }

    /// <summary>What the scanner found in a quarantined version.</summary>
    public string? ScanSignature { get; set; }

    public DateTime? ScannedAt { get; set; }
}
