using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Events;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Notifications.Data;
using Portal.Notifications.Models;

namespace Portal.Notifications.Services;

public sealed class ReminderQueue(
    NotificationsDbContext db,
    SiteSettingsStore settings,
    ReminderSender sender,
    IDomainEventPublisher events,
    IHttpContextAccessor accessor,
    TimeProvider clock) : IReminderQueue
{
    public Task<ReminderOutcome> QueueAsync(ReminderRequest request, CancellationToken cancellationToken = default)
        => QueueAsync(request, publishWithIt: null, cancellationToken);

    public Task<ReminderOutcome> QueueAsync<TEvent>(ReminderRequest request, TEvent domainEvent, CancellationToken cancellationToken = default)
        where TEvent : IDomainEvent
        => QueueAsync(request, () => events.Publish(db, domainEvent), cancellationToken);

    private async Task<ReminderOutcome> QueueAsync(ReminderRequest request, Action? publishWithIt, CancellationToken cancellationToken)
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
        publishWithIt?.Invoke();
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
