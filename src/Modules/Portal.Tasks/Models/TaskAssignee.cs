namespace Portal.Tasks.Models;

/// <summary>A portal user the task is assigned to by name.</summary>
public sealed class TaskAssignee
{
    public Guid TaskId { get; set; }

    public Guid UserId { get; set; }
}
