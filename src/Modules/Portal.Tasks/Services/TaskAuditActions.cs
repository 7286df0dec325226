namespace Portal.Tasks.Services;

/// <summary>Audit actions of the tasks module.</summary>
public static class TaskAuditActions
{
    public const string Created = "tasks.created";
    public const string Commented = "tasks.commented";
    public const string MarkedDone = "tasks.done";
    public const string Completed = "tasks.completed";
    public const string Closed = "tasks.closed";
    public const string Reopened = "tasks.reopened";
    public const string ItemReceived = "tasks.item.received";
    public const string ItemNotAvailable = "tasks.item.not-available";
    public const string ItemAccepted = "tasks.item.accepted";
    public const string ItemAskedAgain = "tasks.item.asked-again";
    public const string ReminderQueued = "tasks.reminder.queued";
    public const string LinkFollowed = "tasks.link.followed";
}
