namespace Portal.Sync.Models;

/// <summary>
/// A document the program announced, by its external id: where its content goes (the upload names only
/// the external id) and what content it said it has. The document itself is the practice's file of that
/// name in that folder (Documents keeps versions by name).
/// </summary>
public sealed class SyncedDocument
{
    public const int FileNameMaxLength = 255;
    public const int Sha256Length = 64;

    public string ExternalId { get; set; } = "";

    public Guid ClientId { get; set; }

    public Guid? FolderId { get; set; }

    public string FileName { get; set; } = "";

    public long Length { get; set; }

    /// <summary>Lower-case hex.</summary>
    public string Sha256 { get; set; } = "";

    public DateTime UpdatedAt { get; set; }
}
