namespace Portal.Tasks.Models;

/// <summary>A comment on a task, by staff or a portal user. The other side is told by a batched e-mail without its text.</summary>
public sealed class TaskComment
{
    public const int TextMaxLength = 4000;

    public Guid Id { get; set; }

    public Guid TaskId { get; set; }

    public Guid AuthorId { get; set; }

    public string AuthorName { get; set; } = "";

    public bool FromClient { get; set; }

    public string Text { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>Set when the e-mail that announces it was queued; null while the batching window is open.</summary>
    public DateTime? NotifiedAt { get; set; }
}
