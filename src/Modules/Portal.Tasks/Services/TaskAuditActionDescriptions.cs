using Portal.Core.Contracts;

namespace Portal.Tasks.Services;

internal sealed class TaskAuditActionDescriptions : IAuditActionDescriptions
{
    public IEnumerable<AuditActionDescription> Describe() =>
    [
        new(TaskAuditActions.Created, "Task created", "gave a client the task {target}"),
        new(TaskAuditActions.Commented, "Task comment", "commented on the task {target}"),
        new(TaskAuditActions.MarkedDone, "Task marked done", "marked the task {target} done"),
        new(TaskAuditActions.Completed, "Request completed", "completed the request {target} with its last item"),
        new(TaskAuditActions.Closed, "Task closed", "closed the task {target}"),
        new(TaskAuditActions.Reopened, "Task reopened", "reopened the task {target}"),
        new(TaskAuditActions.ItemReceived, "Requested document received", "sent a requested document for {target}"),
        new(TaskAuditActions.ItemNotAvailable, "Requested document not available", "said they don't have a document requested by {target}"),
        new(TaskAuditActions.ItemAccepted, "Missing document accepted", "accepted a client's note on a document requested by {target}"),
        new(TaskAuditActions.ItemAskedAgain, "Document asked for again", "asked again for a document requested by {target}"),
        new(TaskAuditActions.ReminderQueued, "Request reminder queued", "queued a reminder of the request {target}"),
        new(TaskAuditActions.LinkFollowed, "Request link followed", "followed a reminder link to the request {target}"),
    ];
}
