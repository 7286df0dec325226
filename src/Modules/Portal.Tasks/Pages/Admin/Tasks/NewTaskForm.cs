namespace Portal.Tasks.Pages.Admin.Tasks;

/// <summary>The new-task form as posted; the client comes from the page's first step.</summary>
public sealed class NewTaskForm
{
    public Guid? ClientId { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public DateOnly? DueOn { get; set; }

    public bool AssignToEveryone { get; set; }

    public List<Guid> Assignees { get; set; } = [];

    public List<Guid> Attachments { get; set; } = [];

    public Guid? FolderId { get; set; }

    /// <summary>One requested document per line; none makes a plain task.</summary>
    public string? Items { get; set; }
}
