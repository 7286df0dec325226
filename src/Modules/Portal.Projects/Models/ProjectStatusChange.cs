namespace Portal.Projects.Models;

/// <summary>
/// One line of a project's status history. Names are kept as they were at the time (a status renamed
/// later still reads as it was posted), and the author by id and name (a removed user stays readable).
/// </summary>
public sealed class ProjectStatusChange
{
    public const int NoteMaxLength = 4000;
    public const int ByNameMaxLength = 200;

    public Guid Id { get; set; }

    public Guid ProjectId { get; set; }

    public DateTime At { get; set; }

    public Guid? ByUserId { get; set; }

    public required string ByName { get; set; }

    /// <summary>Null for the project's first status.</summary>
    public Guid? FromStatusId { get; set; }

    public string? FromName { get; set; }

    public Guid ToStatusId { get; set; }

    public required string ToName { get; set; }

    /// <summary>Staff's note; shown to the client only through the message it was posted as.</summary>
    public string? Note { get; set; }

    public bool PostedAsMessage { get; set; }

    public bool EmailedClient { get; set; }
}
