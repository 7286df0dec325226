namespace Portal.Core.Contracts;

/// <param name="Owner">What kind of thing the file belongs to, a constant of the calling module (e.g. "secure-email"), at most 50 characters.</param>
/// <param name="OwnerId">Which one.</param>
/// <param name="FileName">The name as the person gave it; cleaned before it is stored.</param>
/// <param name="Content">Read once, to its end.</param>
/// <param name="UploadedBy">The user who added it.</param>
public sealed record AttachmentUpload(string Owner, Guid OwnerId, string FileName, Stream Content, Guid UploadedBy);
