namespace Portal.Projects.Models;

/// <summary>
/// A client's engagement (a personal return, a corporate year-end). Its files live in a folder of the
/// Documents module (<see cref="FolderId"/>, made with the project), its conversation in a thread of the
/// Messages module (found by the project's id), its status in the practice's list.
/// </summary>
public sealed class Project
{
    public const int NameMaxLength = 200;
    public const int ExternalIdMaxLength = 100;

    public Guid Id { get; set; }

    public Guid ClientId { get; set; }

    public required string Name { get; set; }

    public Guid FolderId { get; set; }

    public Guid StatusId { get; set; }

    /// <summary>The day the practice expects to finish, in the practice's calendar; null when not promised.</summary>
    public DateOnly? ExpectedOn { get; set; }

    /// <summary>The project's id in the practice's desktop software, for the sync API; unique in the practice.</summary>
    public string? ExternalId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the project or its status last changed: what lists sort by and the client reads as "Updated".</summary>
    public DateTime UpdatedAt { get; set; }
}
