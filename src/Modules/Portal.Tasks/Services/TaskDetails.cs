using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Tasks.Data;
using Portal.Tasks.Models;

namespace Portal.Tasks.Services;

/// <param name="VersionId">The version the client's users may see; null when the document is gone.</param>
public sealed record TaskAttachmentView(string Name, Guid? VersionId);

/// <summary>Everything a task's page shows, for either side.</summary>
public sealed record TaskView(
    ClientTask Task,
    string ClientName,
    string DescriptionHtml,
    IReadOnlyList<RequestItem> Items,
    IReadOnlyList<TaskComment> Comments,
    IReadOnlyList<TaskAttachmentView> Attachments,
    IReadOnlyList<string> AssigneeNames,
    ClientFolder? Folder)
{
    public int Outstanding => Items.Count(i => !i.IsDone);
}

public sealed class TaskDetails(TasksDbContext db, IClientDirectory clients, IUserDirectory users, IClientDocumentFiles documents, IClientFolders folders)
{
    public Task<ClientTask?> FindAsync(Guid id, CancellationToken cancellationToken)
        => db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);

    public async Task<TaskView> LoadAsync(ClientTask task, CancellationToken cancellationToken)
    {
        var items = await db.Items.AsNoTracking().Where(i => i.TaskId == task.Id).OrderBy(i => i.Position).ToListAsync(cancellationToken);
        var comments = await db.Comments.AsNoTracking().Where(c => c.TaskId == task.Id).OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);
        var attached = await db.Attachments.AsNoTracking().Where(a => a.TaskId == task.Id).OrderBy(a => a.Name).ToListAsync(cancellationToken);
        var attachments = new List<TaskAttachmentView>();
        foreach (var attachment in attached)
        {
            var file = await documents.FindPdfAsync(task.ClientId, attachment.DocumentId, cancellationToken);
            attachments.Add(new TaskAttachmentView(file?.Name ?? attachment.Name, file?.VersionId));
        }

        var assigneeIds = await db.Assignees.AsNoTracking().Where(a => a.TaskId == task.Id).Select(a => a.UserId).ToListAsync(cancellationToken);
        var people = await users.FindManyAsync(assigneeIds, cancellationToken);
        var names = people.Values.Select(p => p.DisplayName).Order(StringComparer.CurrentCultureIgnoreCase).ToList();
        if (task.AssignedToEveryone)
        {
            names.Insert(0, "Everyone with full access");
        }

        var client = await clients.FindAsync(task.ClientId, cancellationToken);
        var folder = task.FolderId is { } folderId ? await folders.FindAsync(task.ClientId, folderId, cancellationToken) : null;
        return new TaskView(task, client?.Name ?? "(client deleted)", TaskMarkdown.ToHtml(task.Description), items, comments, attachments, names, folder);
    }
}
