namespace Portal.Core.Contracts;

/// <summary>A stored attachment, or why the file was refused (nothing is stored then).</summary>
public sealed record AttachmentResult(AttachmentInfo? Attachment, string? Error)
{
    public bool Succeeded => Attachment is not null;

    public static AttachmentResult Stored(AttachmentInfo attachment) => new(attachment, null);

    public static AttachmentResult Refused(string error) => new(null, error);
}
