namespace Portal.Documents.Models;

/// <summary>A folder of a client's documents (a project or a category), made by staff; folders nest.</summary>
public sealed class Folder
{
    public Guid Id { get; set; }

    public Guid ClientId { get; set; }

    public Guid? ParentId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Whether the client's users may upload into this folder.</summary>
    public bool ClientCanUpload { get; set; }

    public DateTime CreatedAt { get; set; }

    public Guid? CreatedBy { get; set; }

    public DateTime? DeletedAt { get; set; }
}
