namespace Portal.Documents.Models;

/// <summary>
/// A document or a folder (with everything in it) shared with a contributor user of the client's
/// portal. Full-access users need no shares: they see all of their clients' documents.
/// </summary>
public sealed class DocumentShare
{
    public Guid Id { get; set; }

    public Guid ClientId { get; set; }

    public Guid? DocumentId { get; set; }

    public Guid? FolderId { get; set; }

    public Guid UserId { get; set; }

    public DateTime CreatedAt { get; set; }

    public Guid? CreatedBy { get; set; }
}
