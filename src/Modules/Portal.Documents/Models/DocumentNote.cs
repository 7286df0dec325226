namespace Portal.Documents.Models;

/// <summary>A note staff keep on a document, optionally shown to the client.</summary>
public sealed class DocumentNote
{
    public Guid Id { get; set; }

    public Guid DocumentId { get; set; }

    public string Text { get; set; } = "";

    public bool VisibleToClient { get; set; }

    public Guid AuthorId { get; set; }

    public string AuthorName { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
