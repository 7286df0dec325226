namespace Portal.Messages.Models;

/// <summary>A file of a message, kept by <see cref="Portal.Core.Contracts.IAttachmentStore"/> (encrypted, scanned).</summary>
public sealed class MessageAttachment
{
    public const int FileNameMaxLength = 255;

    public Guid Id { get; set; }

    public Guid MessageId { get; set; }

    public Guid AttachmentId { get; set; }

    public string FileName { get; set; } = "";

    public long Size { get; set; }
}
