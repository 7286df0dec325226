using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Mail;
using Portal.Core.Tenancy;
using Portal.Tasks.Data;

namespace Portal.Tasks.Services;

/// <param name="ToClient">The recipient is a portal user (the link goes to the client's page), else staff.</param>
/// <param name="Count">The comments of the batch the e-mail announces.</param>
public sealed record CommentReminderPayload(Guid TaskId, Guid UserId, string Name, bool ToClient, int Count);

/// <summary>Composes "new comments" e-mails when sent: how many comments, on which task, and the link; never what they say.</summary>
public sealed class CommentReminderKind(TasksDbContext db, IClientDirectory clients, MailComposer composer, TenantContext tenantContext, TenantUrls urls) : IReminderKind
{
    public const string Name = "tasks.comments";

    public string Kind => Name;

    public string DisplayName => "New task comments";

    public async Task<MailDraft?> ComposeAsync(ReminderRequest reminder, bool preview, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<CommentReminderPayload>(reminder.Payload) ?? throw new InvalidOperationException("Empty comments reminder.");
        var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == payload.TaskId, cancellationToken);
        if (task is null)
        {
            return null;
        }

        var count = payload.Count;
        var client = await clients.FindAsync(task.ClientId, cancellationToken);
        var path = payload.ToClient ? $"/tasks/{task.Id}" : $"/admin/tasks/{task.Id}";
        return await composer.ComposeAsync(
            TaskMailTemplates.CommentsName,
            [reminder.Recipient],
            new Dictionary<string, object?>
            {
                ["name"] = payload.Name,
                ["title"] = task.Title,
                ["clientName"] = payload.ToClient ? "" : client?.Name ?? "",
                ["count"] = count,
                ["link"] = urls.Link(tenantContext.Tenant, path),
            },
            cancellationToken);
    }
}
