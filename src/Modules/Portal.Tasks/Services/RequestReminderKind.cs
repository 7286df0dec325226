using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Mail;
using Portal.Core.Tenancy;
using Portal.Core.Time;
using Portal.Tasks.Data;
using Portal.Tasks.Models;

namespace Portal.Tasks.Services;

public sealed record RequestReminderPayload(Guid TaskId, Guid UserId, string Name);

/// <summary>
/// Composes a request reminder when it is sent, from what is true then: a request done or closed in the
/// meantime is withdrawn, and the link (one-time, expiring) is issued only for a real send.
/// </summary>
public sealed class RequestReminderKind(
    TasksDbContext db,
    TaskAccess access,
    RequestLinks links,
    MailComposer composer,
    IPracticeClock clock,
    TenantContext tenantContext,
    TenantUrls urls) : IReminderKind
{
    public const string Name = "tasks.request-reminder";

    public string Kind => Name;

    public string DisplayName => "Document request reminder";

    public async Task<MailDraft?> ComposeAsync(ReminderRequest reminder, bool preview, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<RequestReminderPayload>(reminder.Payload) ?? throw new InvalidOperationException("Empty request reminder.");
        var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == payload.TaskId, cancellationToken);
        if (task is not { State: TaskState.Open, DueOn: { } due } || !(await access.RecipientsAsync(task, cancellationToken)).Contains(payload.UserId))
        {
            return null;
        }

        var outstanding = await db.Items.CountAsync(i => i.TaskId == task.Id && i.State != RequestItemState.Received && i.State != RequestItemState.Accepted, cancellationToken);
        if (outstanding == 0)
        {
            return null;
        }

        var token = preview ? "preview" : await links.IssueAsync(task.Id, payload.UserId, cancellationToken);
        var draft = await composer.ComposeAsync(
            TaskMailTemplates.RequestReminderName,
            [reminder.Recipient],
            new Dictionary<string, object?>
            {
                ["name"] = payload.Name,
                ["title"] = task.Title,
                ["outstanding"] = outstanding,
                ["due"] = due.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
                ["overdue"] = due < await clock.TodayAsync(cancellationToken),
                ["linkDays"] = RequestLinks.Lifetime.Days,
                ["link"] = urls.Link(tenantContext.Tenant, TaskPaths.ReminderLink(token)),
            },
            cancellationToken);
        return preview ? draft : draft.WithSecret(token);
    }
}
