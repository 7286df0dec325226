namespace Portal.Documents.Models;

/// <summary>A resumable (tus) upload in progress; its bytes stage, encrypted, until the last one arrives.</summary>
public sealed class Upload
{
    public Guid Id { get; set; }

    public Guid ClientId { get; set; }

    public Guid? FolderId { get; set; }

    /// <summary>The cleaned file name the document will get.</summary>
    public string FileName { get; set; } = "";

    public long Length { get; set; }

    public string BlobKey { get; set; } = "";

    public Guid UserId { get; set; }

    public string UserName { get; set; } = "";

    public TransferDirection Direction { get; set; }

    public Guid? BatchId { get; set; }

    /// <summary>The document request item the file answers (carried to <c>DocumentUploaded</c>; the Tasks module checks it).</summary>
    public Guid? RequestItemId { get; set; }

    /// <summary>The type recognised from the first bytes (checked when they arrive).</summary>
    public string? ContentType { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    public Guid? DocumentVersionId { get; set; }
}
