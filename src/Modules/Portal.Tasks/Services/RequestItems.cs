using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Errors;
using Portal.Core.Security;
using Portal.Core.Time;
using Portal.Tasks.Data;
using Portal.Tasks.Models;

namespace Portal.Tasks.Services;

/// <summary>
/// The answers to a request's items: a file that arrived (from the upload's event), the client's "I don't
/// have this" note and staff's answer to it. Each change that finishes the last item completes the request.
/// Every state change is a conditional update, so two answers racing leave one of them.
/// </summary>
public sealed class RequestItems(TasksDbContext db, TaskStore store, IPracticeClock clock, IAuditLog audit)
{
    public async Task<PortalError?> NotAvailableAsync(ClientTask task, Guid itemId, string? note, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!task.IsOpen)
        {
            return TaskErrors.TaskNotOpen;
        }

        var text = (note ?? "").Trim();
        if (text.Length == 0)
        {
            return TaskErrors.NoteRequired;
        }

        if (text.Length > RequestItem.NoteMaxLength)
        {
            return TaskErrors.NoteTooLong;
        }

        var changed = await db.Items.Where(i => i.Id == itemId && i.TaskId == task.Id && i.State == RequestItemState.Waiting)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, RequestItemState.NotAvailable).SetProperty(i => i.Note, text), cancellationToken);
        if (changed == 0)
        {
            return await ItemProblemAsync(task, itemId, cancellationToken);
        }

        await audit.RecordAsync(new AuditEntry(TaskAuditActions.ItemNotAvailable, TaskAuditTargets.Task, task.Id.ToString(), $"item {itemId} by {user.DisplayNameOf()}"), cancellationToken);
        return null;
    }

    public async Task<PortalError?> AcceptAsync(ClientTask task, Guid itemId, ClaimsPrincipal staff, CancellationToken cancellationToken)
    {
        if (!task.IsOpen)
        {
            return TaskErrors.TaskNotOpen;
        }

        var now = clock.UtcNow;
        var changed = await db.Items.Where(i => i.Id == itemId && i.TaskId == task.Id && i.State == RequestItemState.NotAvailable)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, RequestItemState.Accepted).SetProperty(i => i.DoneAt, now), cancellationToken);
        if (changed == 0)
        {
            return await db.Items.AnyAsync(i => i.Id == itemId && i.TaskId == task.Id, cancellationToken) ? TaskErrors.ItemNotNoted : TaskErrors.ItemNotFound;
        }

        await audit.RecordAsync(new AuditEntry(TaskAuditActions.ItemAccepted, TaskAuditTargets.Task, task.Id.ToString(), $"item {itemId}"), cancellationToken);
        if (await store.CompleteIfAllDoneAsync(task.Id, staff.DisplayNameOf(), cancellationToken))
        {
            await audit.RecordAsync(new AuditEntry(TaskAuditActions.Completed, TaskAuditTargets.Task, task.Id.ToString(), task.Title), cancellationToken);
        }

        return null;
    }

    /// <summary>Staff do not accept the note: the item waits for a file again (the note stays for the record until the next answer).</summary>
    public async Task<PortalError?> AskAgainAsync(ClientTask task, Guid itemId, CancellationToken cancellationToken)
    {
        if (!task.IsOpen)
        {
            return TaskErrors.TaskNotOpen;
        }

        var changed = await db.Items.Where(i => i.Id == itemId && i.TaskId == task.Id && i.State == RequestItemState.NotAvailable)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, RequestItemState.Waiting), cancellationToken);
        if (changed == 0)
        {
            return await db.Items.AnyAsync(i => i.Id == itemId && i.TaskId == task.Id, cancellationToken) ? TaskErrors.ItemNotNoted : TaskErrors.ItemNotFound;
        }

        await audit.RecordAsync(new AuditEntry(TaskAuditActions.ItemAskedAgain, TaskAuditTargets.Task, task.Id.ToString(), $"item {itemId}"), cancellationToken);
        return null;
    }

    /// <summary>
    /// A file arrived against the item (seen through the upload's event, after its commit). A file for an
    /// item that waits, or whose note staff have not answered, makes it received; a later file for an item
    /// already received replaces the file it points at. Returns whether anything changed.
    /// </summary>
    public async Task<bool> ReceivedAsync(RequestItem item, Guid documentId, Guid versionId, AuditEntry auditEntry, string byName, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var changed = await db.Items.Where(i => i.Id == item.Id && i.VersionId != versionId && i.State != RequestItemState.Accepted)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, RequestItemState.Received).SetProperty(i => i.DocumentId, documentId).SetProperty(i => i.VersionId, versionId).SetProperty(i => i.DoneAt, now), cancellationToken);
        if (changed == 0)
        {
            return false;
        }

        await audit.RecordAsync(auditEntry, cancellationToken);
        if (await store.CompleteIfAllDoneAsync(item.TaskId, byName, cancellationToken))
        {
            await audit.RecordAsync(auditEntry with { Action = TaskAuditActions.Completed, Details = "the last requested document arrived" }, cancellationToken);
        }

        return true;
    }

    private async Task<PortalError> ItemProblemAsync(ClientTask task, Guid itemId, CancellationToken cancellationToken)
        => await db.Items.AnyAsync(i => i.Id == itemId && i.TaskId == task.Id, cancellationToken) ? TaskErrors.ItemNotWaiting : TaskErrors.ItemNotFound;
}
