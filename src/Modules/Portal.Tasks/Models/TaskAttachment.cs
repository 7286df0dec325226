namespace Portal.Tasks.Models;

/// <summary>One of the client's documents that the task points at (the file stays Documents').</summary>
public sealed class TaskAttachment
{
    public const int NameMaxLength = 255;

    public Guid TaskId { get; set; }

    public Guid DocumentId { get; set; }

    public string Name { get; set; } = "";
}
