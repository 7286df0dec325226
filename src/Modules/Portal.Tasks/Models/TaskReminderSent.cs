namespace Portal.Tasks.Models;

/// <summary>The day a request's scheduled reminder went out: a second run on the same day sends nothing.</summary>
public sealed class TaskReminderSent
{
    public Guid TaskId { get; set; }

    public DateOnly Day { get; set; }

    public DateTime SentAt { get; set; }
}
