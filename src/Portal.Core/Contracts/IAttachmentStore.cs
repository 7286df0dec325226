namespace Portal.Core.Contracts;

/// <summary>
/// Files that belong to something other than a client's documents (a secure e-mail, a message, a
/// task), stored under the Documents module's rules: only allowed types, recognised by content; the
/// size limit and the practice's storage quota; encrypted at rest; scanned for malware, and readable
/// only once released. Implemented by Portal.Documents, so a module stores files without reading its
/// tables. Callers keep the attachment id; the owner names what the file belongs to.
/// </summary>
public interface IAttachmentStore
{
    /// <summary>Checks and stores a file; a refused file (type, size, quota) says why, in words for the person who chose it.</summary>
    Task<AttachmentResult> StoreAsync(AttachmentUpload upload, CancellationToken cancellationToken = default);

    Task<AttachmentInfo?> FindAsync(Guid attachmentId, CancellationToken cancellationToken = default);

    /// <summary>The attachments of an owner, oldest first.</summary>
    Task<IReadOnlyList<AttachmentInfo>> ListAsync(string owner, Guid ownerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The file's plaintext, checked against its hash as it is read; null when there is no such
    /// attachment or it is not released (its scan is pending, or it was quarantined).
    /// </summary>
    Task<Stream?> OpenReadAsync(Guid attachmentId, CancellationToken cancellationToken = default);

    /// <summary>Removes the file and its bytes; false when there was none.</summary>
    Task<bool> DeleteAsync(Guid attachmentId, CancellationToken cancellationToken = default);
}
