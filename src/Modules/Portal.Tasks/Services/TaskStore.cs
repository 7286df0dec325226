using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Errors;
using Portal.Core.Events;
using Portal.Core.Security;
using Portal.Core.Time;
using Portal.Tasks.Data;
using Portal.Tasks.Models;

namespace Portal.Tasks.Services;

/// <summary>Creates tasks and moves them between open, done and closed. Every change is audited.</summary>
public sealed class TaskStore(
    TasksDbContext db,
    IClientDirectory clients,
    IClientDocumentFiles documents,
    IClientFolders folders,
    IPracticeClock clock,
    IAuditLog audit,
    IDomainEventPublisher events)
{
    /// <summary>Checks everything first and writes the task, its assignees, attachments and items in one save, or nothing.</summary>
    public async Task<TaskOutcome> CreateAsync(TaskInput input, ClaimsPrincipal staff, CancellationToken cancellationToken)
    {
        if (await clients.FindAsync(input.ClientId, cancellationToken) is null)
        {
            return TaskOutcome.Failed(TaskErrors.ClientNotFound);
        }

        var errors = new List<PortalError>();
        var title = (input.Title ?? "").Trim();
        if (title.Length == 0)
        {
            errors.Add(TaskErrors.TitleRequired);
        }
        else if (title.Length > ClientTask.TitleMaxLength)
        {
            errors.Add(TaskErrors.TitleTooLong);
        }

        var description = (input.Description ?? "").Trim();
        if (description.Length > ClientTask.DescriptionMaxLength)
        {
            errors.Add(TaskErrors.DescriptionTooLong);
        }

        if (input.DueOn is { } due && due < await clock.TodayAsync(cancellationToken))
        {
            errors.Add(TaskErrors.DueInPast);
        }

        var portalUsers = await clients.PortalUsersAsync(input.ClientId, cancellationToken);
        var assignees = input.Assignees.Distinct().ToList();
        if (portalUsers.Count == 0)
        {
            errors.Add(TaskErrors.NoPortalUsers);
        }
        else if (assignees.Any(a => portalUsers.All(p => p.UserId != a)))
        {
            errors.Add(TaskErrors.UnknownAssignee);
        }
        else if (!input.AssignToEveryone && assignees.Count == 0)
        {
            errors.Add(TaskErrors.NoAssignee);
        }

        var attachments = new List<ClientDocumentFile>();
        foreach (var documentId in input.Attachments.Distinct())
        {
            if (await documents.FindPdfAsync(input.ClientId, documentId, cancellationToken) is { } file)
            {
                attachments.Add(file);
            }
            else
            {
                errors.Add(TaskErrors.UnknownAttachment);
                break;
            }
        }

        var items = input.Items.Select(i => (i ?? "").Trim()).Where(i => i.Length > 0).ToList();
        if (items.Count > RequestItem.MaxPerRequest)
        {
            errors.Add(TaskErrors.TooManyItems);
        }
        else if (items.Any(i => i.Length > RequestItem.NameMaxLength))
        {
            errors.Add(TaskErrors.ItemTooLong);
        }
        else if (items.Distinct(StringComparer.CurrentCultureIgnoreCase).Count() != items.Count)
        {
            errors.Add(TaskErrors.DuplicateItem);
        }

        ClientFolder? folder = null;
        if (input.FolderId is { } folderId)
        {
            folder = await folders.FindAsync(input.ClientId, folderId, cancellationToken);
            if (folder is null)
            {
                errors.Add(TaskErrors.UnknownFolder);
            }
            else if (items.Count > 0 && !folder.ClientCanUpload)
            {
                errors.Add(TaskErrors.FolderClosedToClient);
            }
        }
        else if (items.Count > 0)
        {
            errors.Add(TaskErrors.FolderRequired);
        }

        if (errors.Count > 0)
        {
            return new TaskOutcome(null, errors);
        }

        var task = new ClientTask
        {
            Id = Guid.CreateVersion7(),
            ClientId = input.ClientId,
            Title = title,
            Description = description,
            DueOn = input.DueOn,
            AssignedToEveryone = input.AssignToEveryone,
            FolderId = folder?.Id,
            IsRequest = items.Count > 0,
            State = TaskState.Open,
            CreatedBy = staff.IdOf() ?? Guid.Empty,
            CreatedByName = Clip(staff.DisplayNameOf(), ClientTask.NameMaxLength),
            CreatedAt = clock.UtcNow,
        };
        db.Tasks.Add(task);
        db.Assignees.AddRange(assignees.Select(a => new TaskAssignee { TaskId = task.Id, UserId = a }));
        db.Attachments.AddRange(attachments.Select(a => new TaskAttachment { TaskId = task.Id, DocumentId = a.DocumentId, Name = Clip(a.Name, TaskAttachment.NameMaxLength) }));
        db.Items.AddRange(items.Select((name, i) => new RequestItem
        {
            Id = Guid.CreateVersion7(),
            TaskId = task.Id,
            ClientId = task.ClientId,
            Position = i,
            Name = name,
            State = RequestItemState.Waiting,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry(TaskAuditActions.Created, TaskAuditTargets.Task, task.Id.ToString(), $"{task.Title}: client {task.ClientId}, {items.Count} requested items, due {task.DueOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "any time"}"), cancellationToken);
        return new TaskOutcome(task, []);
    }

    /// <summary>A portal user marks a task done. A request with items still outstanding is not: it completes with its last item.</summary>
    public async Task<PortalError?> MarkDoneAsync(ClientTask task, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!task.IsOpen)
        {
            return TaskErrors.TaskNotOpen;
        }

        if (task.IsRequest && await db.Items.AnyAsync(i => i.TaskId == task.Id && i.State != RequestItemState.Received && i.State != RequestItemState.Accepted, cancellationToken))
        {
            return TaskErrors.ItemsOutstanding;
        }

        await SetStateAsync(task, TaskState.Done, user.DisplayNameOf(), cancellationToken);
        await audit.RecordAsync(new AuditEntry(TaskAuditActions.MarkedDone, TaskAuditTargets.Task, task.Id.ToString(), task.Title), cancellationToken);
        return null;
    }

    public async Task<PortalError?> CloseAsync(ClientTask task, ClaimsPrincipal staff, CancellationToken cancellationToken)
    {
        if (!task.IsOpen)
        {
            return TaskErrors.TaskNotOpen;
        }

        await SetStateAsync(task, TaskState.Closed, staff.DisplayNameOf(), cancellationToken);
        await audit.RecordAsync(new AuditEntry(TaskAuditActions.Closed, TaskAuditTargets.Task, task.Id.ToString(), task.Title), cancellationToken);
        return null;
    }

    public async Task<PortalError?> ReopenAsync(ClientTask task, CancellationToken cancellationToken)
    {
        if (task.IsOpen)
        {
            return TaskErrors.TaskAlreadyOpen;
        }

        var changed = await db.Tasks.Where(t => t.Id == task.Id && t.State != TaskState.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.State, TaskState.Open).SetProperty(t => t.CompletedAt, (DateTime?)null).SetProperty(t => t.CompletedByName, (string?)null), cancellationToken);
        if (changed == 0)
        {
            return TaskErrors.TaskAlreadyOpen;
        }

        await audit.RecordAsync(new AuditEntry(TaskAuditActions.Reopened, TaskAuditTargets.Task, task.Id.ToString(), task.Title), cancellationToken);
        return null;
    }

    /// <summary>Completes the request when every item is done; true when this call completed it.</summary>
    public async Task<bool> CompleteIfAllDoneAsync(Guid taskId, string byName, CancellationToken cancellationToken)
    {
        if (await db.Items.AnyAsync(i => i.TaskId == taskId && i.State != RequestItemState.Received && i.State != RequestItemState.Accepted, cancellationToken))
        {
            return false;
        }

        var now = clock.UtcNow;
        await using var transaction = await db.Database.BeginOrNestTransactionAsync(cancellationToken);
        var changed = await db.Tasks.Where(t => t.Id == taskId && t.State == TaskState.Open && t.IsRequest)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.State, TaskState.Done).SetProperty(t => t.CompletedAt, now).SetProperty(t => t.CompletedByName, byName), cancellationToken);
        if (changed > 0)
        {
            await PublishCompletedAsync(taskId, byName, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return changed > 0;
    }

    /// <summary>In the transaction that completed the task, so the change feed hears of every completion once.</summary>
    private async Task PublishCompletedAsync(Guid taskId, string byName, DateTime at, CancellationToken cancellationToken)
    {
        var task = await db.Tasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => new { t.ClientId, t.Title }).SingleAsync(cancellationToken);
        events.Publish(db, new ClientTaskCompleted(task.ClientId, taskId, task.Title, byName, at));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SetStateAsync(ClientTask task, TaskState state, string byName, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var name = Clip(byName, ClientTask.NameMaxLength);
        await using var transaction = await db.Database.BeginOrNestTransactionAsync(cancellationToken);
        var changed = await db.Tasks.Where(t => t.Id == task.Id && t.State == TaskState.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.State, state).SetProperty(t => t.CompletedAt, now).SetProperty(t => t.CompletedByName, name), cancellationToken);
        if (changed > 0 && state == TaskState.Done)
        {
            await PublishCompletedAsync(task.Id, name, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        task.State = state;
        task.CompletedAt = now;
        task.CompletedByName = name;
    }

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..max];
}
