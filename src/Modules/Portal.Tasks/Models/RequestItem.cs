namespace Portal.Tasks.Models;

/// <summary>One document a request asks for ("T4 slips 2026"). Done when a file arrives or staff accept the client's note.</summary>
public sealed class RequestItem
{
    public const int NameMaxLength = 200;
    public const int NoteMaxLength = 1000;
    public const int MaxPerRequest = 30;

    public Guid Id { get; set; }

    public Guid TaskId { get; set; }

    public Guid ClientId { get; set; }

    public int Position { get; set; }

    public string Name { get; set; } = "";

    public RequestItemState State { get; set; }

    /// <summary>The client's "I don't have this" note.</summary>
    public string? Note { get; set; }

    public Guid? DocumentId { get; set; }

    public Guid? VersionId { get; set; }

    public DateTime? DoneAt { get; set; }

    public bool IsDone => State is RequestItemState.Received or RequestItemState.Accepted;
}
