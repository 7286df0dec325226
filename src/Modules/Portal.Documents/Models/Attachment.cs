namespace Portal.Documents.Models;

/// <summary>A file another module stored through <see cref="Portal.Core.Contracts.IAttachmentStore"/>; its bytes are an encrypted blob.</summary>
public sealed class Attachment
{
    public const int OwnerMaxLength = 50;

    public Guid Id { get; set; }

    public string Owner { get; set; } = "";

    public Guid OwnerId { get; set; }

    public string FileName { get; set; } = "";

    public string BlobKey { get; set; } = "";

    public long Size { get; set; }

    public string Sha256 { get; set; } = "";

    public string ContentType { get; set; } = "application/octet-stream";

    public Guid UploadedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public ScanState ScanState { get; set; }

    public string? ScanSignature { get; set; }

    public DateTime? ScannedAt { get; set; }
}
