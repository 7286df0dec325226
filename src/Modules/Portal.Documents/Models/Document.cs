namespace Portal.Documents.Models;

/// <summary>
/// A named file of a client, in a folder or at the client's top level. Uploading a file with the
/// same name into the same folder adds a version; the newest version is the one shown.
/// </summary>
public sealed class Document
{
    public Guid Id { get; set; }

    public Guid ClientId { get; set; }

    public Guid? FolderId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Lower-cased name, for the "same name in the same folder" rule and sorting.</summary>
    public string NormalizedName { get; set; } = "";

    /// <summary>The newest version, whatever its scan says.</summary>
    public Guid CurrentVersionId { get; set; }

    /// <summary>The newest version staff may see: their own in any scan state, a client's once scanned. Null: none yet.</summary>
    public Guid? StaffVersionId { get; set; }

    /// <summary>The newest version the client's users may see: their own in any scan state, the practice's once released.</summary>
    public Guid? ClientVersionId { get; set; }

    public int VersionCount { get; set; }

    /// <summary>Denormalised from the current version, so lists sort and page in the database.</summary>
    public long Size { get; set; }

    public DateTime UpdatedAt { get; set; }

    public TransferDirection Direction { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>In the trash since then (restorable until purged).</summary>
    public DateTime? DeletedAt { get; set; }

    public Guid? DeletedBy { get; set; }
}

public enum TransferDirection
{
    /// <summary>Sent by the practice to the client.</summary>
    ToClient,

    /// <summary>Uploaded by the client to the practice.</summary>
    FromClient,
}
