using Portal.Core.Contracts;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The test module's use of the attachments contract, as a module such as secure e-mail will use it:
/// files of a "note", stored and read through Core's contract alone, never Documents' tables.
/// </summary>
public sealed class TestNoteAttachments(IAttachmentStore attachments)
{
    public const string Owner = "test-note";

    public Task<AttachmentResult> AttachAsync(Guid noteId, string fileName, byte[] content, Guid userId)
        => attachments.StoreAsync(new AttachmentUpload(Owner, noteId, fileName, new MemoryStream(content), userId));

    public Task<IReadOnlyList<AttachmentInfo>> ListAsync(Guid noteId) => attachments.ListAsync(Owner, noteId);

    /// <summary>The file's bytes, or null when it cannot be read (gone, or not released by its scan).</summary>
    public async Task<byte[]?> ReadAsync(Guid attachmentId)
    {
        await using var content = await attachments.OpenReadAsync(attachmentId);
        if (content is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        return copy.ToArray();
    }

    public Task<bool> DeleteAsync(Guid attachmentId) => attachments.DeleteAsync(attachmentId);
}
