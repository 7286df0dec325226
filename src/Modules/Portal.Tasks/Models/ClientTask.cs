namespace Portal.Tasks.Models;

/// <summary>
/// Something the practice asks of a client's portal users: a task, and a document request when it lists
/// <see cref="RequestItem"/>s. It belongs to one client; who sees it follows the portal's access and
/// <see cref="AssignedToEveryone"/> or its <see cref="TaskAssignee"/> rows.
/// </summary>
public sealed class ClientTask
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 20_000;
    public const int NameMaxLength = 320;

    public Guid Id { get; set; }

    public Guid ClientId { get; set; }

    public string Title { get; set; } = "";

    /// <summary>Markdown as staff wrote it; rendered through <c>TaskMarkdown</c> only.</summary>
    public string Description { get; set; } = "";

    /// <summary>A day in the practice's time zone.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>Every full-access user of the portal (contributors only when assigned by name).</summary>
    public bool AssignedToEveryone { get; set; }

    /// <summary>Where uploads against the request's items go (one of the client's folders; null: the top level).</summary>
    public Guid? FolderId { get; set; }

    public bool IsRequest { get; set; }

    public TaskState State { get; set; }

    public Guid CreatedBy { get; set; }

    public string CreatedByName { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    public string? CompletedByName { get; set; }

    public bool IsOpen => State == TaskState.Open;
}
