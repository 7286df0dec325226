namespace Portal.SecureMail.Models;

/// <summary>A file of a message: the bytes live in IAttachmentStore (encrypted, scanned); this row keeps its id and name.</summary>
public sealed class SecureMessageAttachment
{
    public const int FileNameMaxLength = 255;

    public Guid Id { get; set; }

    public Guid MessageId { get; set; }

    public Guid AttachmentId { get; set; }

    public string FileName { get; set; } = "";

    public long Size { get; set; }
}
