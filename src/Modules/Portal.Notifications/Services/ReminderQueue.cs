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

    public async Task<IReadOnlyList<ReminderOutcome>> QueueManyAsync<TEvent>(IReadOnlyList<(ReminderRequest Request, TEvent Event)> reminders, CancellationToken cancellationToken = default)
        where TEvent : IDomainEvent
    {
        if (reminders.Count == 0)
        {
            return [];
        }

        var keys = reminders.Select(r => r.Request.DeduplicationKey).OfType<string>().Distinct().ToList();
        var waiting = keys.Count == 0
            ? []
            : (await db.Reminders.Where(r => r.DeduplicationKey != null && keys.Contains(r.DeduplicationKey) && r.State == ReminderState.Ready).ToListAsync(cancellationToken))
                .DistinctBy(r => r.DeduplicationKey).ToDictionary(r => r.DeduplicationKey!, StringComparer.Ordinal);
        var queued = new List<PortalReminder>(reminders.Count);
        foreach (var (request, domainEvent) in reminders)
        {
            var reminder = request.DeduplicationKey is { } key ? waiting.GetValueOrDefault(key) : null;
            if (reminder is null)
            {
                reminder = New();
                if (request.DeduplicationKey is { } added)
                {
                    waiting[added] = reminder;
                }
            }

            Fill(reminder, request);
            events.Publish(db, domainEvent);
            queued.Add(reminder);
        }

        await db.SaveChangesAsync(cancellationToken);
        var outcomes = new List<ReminderOutcome>(queued.Count);
        var review = (await settings.GetAsync<ReminderSettings>(cancellationToken)).ReviewBeforeSending;
        foreach (var reminder in queued)
        {
            outcomes.Add(review ? ReminderOutcome.Queued : await SendAsync(reminder, cancellationToken));
        }

        return outcomes;
    }

    private async Task<ReminderOutcome> QueueAsync(ReminderRequest request, Action? publishWithIt, CancellationToken cancellationToken)
    {
        var reminder = await FindWaitingDuplicateAsync(request, cancellationToken) ?? New();
        Fill(reminder, request);
        publishWithIt?.Invoke();
        await db.SaveChangesAsync(cancellationToken);

        return (await settings.GetAsync<ReminderSettings>(cancellationToken)).ReviewBeforeSending
            ? ReminderOutcome.Queued
            : await SendAsync(reminder, cancellationToken);
    }

    private async Task<ReminderOutcome> SendAsync(PortalReminder reminder, CancellationToken cancellationToken)
    {
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

    private PortalReminder New()
    {
        var reminder = new PortalReminder { Id = Guid.CreateVersion7(), State = ReminderState.Ready };
        db.Reminders.Add(reminder);
        return reminder;
    }

    private void Fill(PortalReminder reminder, ReminderRequest request)
    {
        reminder.Kind = request.Kind;
        reminder.UserId = request.UserId;
        reminder.Recipient = request.Recipient;
        reminder.Summary = request.Summary.Length > 300 ? request.Summary[..300] : request.Summary;
        reminder.Payload = request.Payload;
        reminder.DeduplicationKey = request.DeduplicationKey;
        reminder.CreatedAt = clock.GetUtcNow().UtcDateTime;
        reminder.CreatedBy = CurrentUserId();
    }

    private Task<PortalReminder?> FindWaitingDuplicateAsync(ReminderRequest request, CancellationToken cancellationToken)
        => request.DeduplicationKey is null
            ? Task.FromResult<PortalReminder?>(null)
            : db.Reminders.FirstOrDefaultAsync(r => r.DeduplicationKey == request.DeduplicationKey && r.State == ReminderState.Ready, cancellationToken);

    private Guid? CurrentUserId()
        => accessor.HttpContext?.User.IdOf();
}
