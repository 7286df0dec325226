using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Notifications.Data;
using Portal.Notifications.Models;

namespace Portal.Notifications.Services;

public sealed class ReminderQueue(
    NotificationsDbContext db,
    SiteSettingsStore settings,
    ReminderSender sender,
    IHttpContextAccessor accessor,
    TimeProvider clock) : IReminderQueue
{
    public async Task<ReminderOutcome> QueueAsync(ReminderRequest request, CancellationToken cancellationToken = default)
    {
        var reminder = await FindWaitingDuplicateAsync(request, cancellationToken);
        if (reminder is null)
        {
            reminder = new PortalReminder { Id = Guid.CreateVersion7(), State = ReminderState.Ready };
            db.Reminders.Add(reminder);
        }

        reminder.Kind = request.Kind;
        reminder.UserId = request.UserId;
        reminder.Recipient = request.Recipient;
        reminder.Summary = request.Summary.Length > 300 ? request.Summary[..300] : request.Summary;
        reminder.Payload = request.Payload;
        reminder.DeduplicationKey = request.DeduplicationKey;
        reminder.CreatedAt = clock.GetUtcNow().UtcDateTime;
        reminder.CreatedBy = CurrentUserId();
        await db.SaveChangesAsync(cancellationToken);

        if ((await settings.GetAsync<ReminderSettings>(cancellationToken)).ReviewBeforeSending)
        {
            return ReminderOutcome.Queued;
        }

        try
        {
            await sender.SendAsync(reminder.Id, cancellationToken);
            return ReminderOutcome.Sent;
        }
        catch (ReminderNotSentException)
        {
            // It stays in the queue, where staff see it and why it did not go.
            return ReminderOutcome.Queued;
        }
    }

    private Task<PortalReminder?> FindWaitingDuplicateAsync(ReminderRequest request, CancellationToken cancellationToken)
        => request.DeduplicationKey is null
            ? Task.FromResult<PortalReminder?>(null)
            : db.Reminders.FirstOrDefaultAsync(r => r.DeduplicationKey == request.DeduplicationKey && r.State == ReminderState.Ready, cancellationToken);

    private Guid? CurrentUserId()
        => accessor.HttpContext?.User.IdOf();
}
