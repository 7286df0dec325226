using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Jobs;
using Portal.Core.Mail;
using Portal.Core.Settings;
using Portal.Messages.Data;

namespace Portal.Messages.Services;

/// <summary>The end of a batch window: which thread, whom to tell.</summary>
public sealed record MessageNoticeJob(Guid ThreadId, Guid RecipientId);

/// <summary>
/// Sends a batch's one e-mail, unless the recipient has read the thread since: portal users through the
/// reminders queue (the practice may review notices to clients), staff straight to the outbox. The
/// batch closes only after the notice is handed on, so a retry never loses it; a second run finds it
/// closed and does nothing.
/// </summary>
public sealed class MessageNoticeHandler(
    MessagesDbContext db,
    MessageReading reading,
    IUserDirectory users,
    IReminderQueue reminders,
    MessageWaitingReminderKind kind,
    IMailOutbox outbox,
    SiteSettingsStore settings) : IJobHandler<MessageNoticeJob>
{
    public static string JobType => "messages.notice";

    public async Task ExecuteAsync(MessageNoticeJob payload, JobContext context, CancellationToken cancellationToken)
    {
        var notice = await db.Notices.AsNoTracking().FirstOrDefaultAsync(n => n.ThreadId == payload.ThreadId && n.RecipientId == payload.RecipientId, cancellationToken);
        if (notice?.PendingSince is not { } since)
        {
            return;
        }

        if (payload.RecipientId == MessageNotices.PracticeAddress)
        {
            if ((await settings.GetAsync<SiteSettings>(cancellationToken)).ContactEmail is { } address)
            {
                await SendToStaffAsync(new MessageWaitingPayload(payload.ThreadId, "", ForStaff: true), address, cancellationToken);
            }
        }
        else if (await users.FindAsync(payload.RecipientId, cancellationToken) is { IsDisabled: false } user
            && await reading.UnreadMessagesAsync(payload.ThreadId, user.Id, cancellationToken) > 0)
        {
            var message = new MessageWaitingPayload(payload.ThreadId, user.DisplayName, user.IsStaff);
            if (user.IsStaff)
            {
                await SendToStaffAsync(message, user.Email, cancellationToken);
            }
            else
            {
                await reminders.QueueAsync(
                    new ReminderRequest(kind.Kind, user.Id, user.Email, $"New message for {user.DisplayName}", JsonSerializer.Serialize(message), $"messages:{payload.ThreadId:N}:{user.Id:N}"),
                    cancellationToken);
            }
        }

        await db.Notices
            .Where(n => n.ThreadId == payload.ThreadId && n.RecipientId == payload.RecipientId && n.PendingSince == since)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.PendingSince, (DateTime?)null), cancellationToken);
    }

    private async Task SendToStaffAsync(MessageWaitingPayload message, string address, CancellationToken cancellationToken)
    {
        var reminder = new ReminderRequest(kind.Kind, null, address, "New client message", JsonSerializer.Serialize(message));
        if (await kind.ComposeAsync(reminder, preview: false, cancellationToken) is { } draft)
        {
            await outbox.QueueAsync(draft, cancellationToken);
        }
    }
}
