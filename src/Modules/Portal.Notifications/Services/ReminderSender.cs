using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Mail;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Notifications.Data;
using Portal.Notifications.Models;

namespace Portal.Notifications.Services;

/// <summary>Composes waiting reminders with their kind and hands them to the outbox.</summary>
public sealed class ReminderSender(
    NotificationsDbContext db,
    IEnumerable<IReminderKind> kinds,
    IMailOutbox outbox,
    ICurrentActor actor,
    TimeProvider clock)
{
    private readonly Dictionary<string, IReminderKind> _kinds = kinds.ToDictionary(k => k.Kind, StringComparer.Ordinal);

    public Task<int> ReadyCountAsync(CancellationToken cancellationToken = default)
        => db.Reminders.CountAsync(r => r.State == ReminderState.Ready, cancellationToken);

    public async Task<ListPage<PortalReminder>> ListAsync(ReminderState state, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var query = db.Reminders.AsNoTracking().Where(r => r.State == state);
        var total = await query.CountAsync(cancellationToken);
        var ordered = state == ReminderState.Ready ? query.OrderBy(r => r.CreatedAt) : query.OrderByDescending(r => r.SentAt ?? r.CreatedAt);
        var items = await ordered.Skip((Math.Max(page, 1) - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new ListPage<PortalReminder>(items, total, Math.Max(page, 1), pageSize);
    }

    public Task<PortalReminder?> FindAsync(Guid id, CancellationToken cancellationToken = default)
        => db.Reminders.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    public string KindName(string kind) => _kinds.TryGetValue(kind, out var k) ? k.DisplayName : kind;

    /// <summary>The e-mail as it would go out, without issuing anything (sample links).</summary>
    public async Task<MailDraft?> PreviewAsync(Guid id, CancellationToken cancellationToken = default)
        => await FindAsync(id, cancellationToken) is { } reminder ? await PreviewAsync(reminder, cancellationToken) : null;

    /// <summary>As <see cref="PreviewAsync(Guid, CancellationToken)"/>, for a reminder already loaded.</summary>
    public async Task<MailDraft?> PreviewAsync(PortalReminder reminder, CancellationToken cancellationToken = default)
        => _kinds.TryGetValue(reminder.Kind, out var kind) ? await kind.ComposeAsync(ToRequest(reminder), preview: true, cancellationToken) : null;

    /// <summary>Sends one waiting reminder; one with nothing left to say is withdrawn (discarded) instead.</summary>
    public async Task<ReminderSendOutcome> SendAsync(Guid id, CancellationToken cancellationToken = default)
    {
        // Claim it first, so two staff members pressing Send at once send it once.
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = CurrentUserId();
        var claimed = await db.Reminders.Where(r => r.Id == id && r.State == ReminderState.Ready)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ReminderState.Sent).SetProperty(r => r.SentAt, now).SetProperty(r => r.SentBy, userId), cancellationToken);
        if (claimed == 0)
        {
            return ReminderSendOutcome.NotWaiting;
        }

        var reminder = await db.Reminders.AsNoTracking().SingleAsync(r => r.Id == id, cancellationToken);
        try
        {
            if (!_kinds.TryGetValue(reminder.Kind, out var kind))
            {
                throw new InvalidOperationException($"No module composes reminders of kind '{reminder.Kind}'.");
            }

            var draft = await kind.ComposeAsync(ToRequest(reminder), preview: false, cancellationToken);
            if (draft is null)
            {
                // Nothing left to announce: withdrawn, so nobody hears of files that are gone.
                await db.Reminders.Where(r => r.Id == id).ExecuteUpdateAsync(
                    s => s.SetProperty(r => r.State, ReminderState.Discarded).SetProperty(r => r.SentAt, (DateTime?)null),
                    CancellationToken.None);
                return ReminderSendOutcome.Withdrawn;
            }

            var messageId = await outbox.QueueAsync(draft, cancellationToken);
            await db.Reminders.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.OutboxMessageId, messageId), cancellationToken);
            return ReminderSendOutcome.Sent;
        }
        catch (Exception ex)
        {
            // Put it back so nothing is lost, and say why it could not go.
            await db.Reminders.Where(r => r.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(r => r.State, ReminderState.Ready).SetProperty(r => r.SentAt, (DateTime?)null).SetProperty(r => r.SentBy, (Guid?)null),
                CancellationToken.None);
            if (ex is InvalidOperationException)
            {
                throw new ReminderNotSentException($"The reminder to {reminder.Recipient} was not sent: {ex.Message}", ex);
            }

            throw;
        }
    }

    /// <summary>Sends every waiting reminder, oldest first; one that cannot be composed stays waiting and the rest still go.</summary>
    public async Task<(int Sent, int Withdrawn, IReadOnlyList<string> Problems)> SendAllAsync(CancellationToken cancellationToken = default)
    {
        var ids = await db.Reminders.Where(r => r.State == ReminderState.Ready).OrderBy(r => r.CreatedAt).Select(r => r.Id).ToListAsync(cancellationToken);
        var sent = 0;
        var withdrawn = 0;
        var problems = new List<string>();
        foreach (var id in ids)
        {
            try
            {
                switch (await SendAsync(id, cancellationToken))
                {
                    case ReminderSendOutcome.Sent:
                        sent++;
                        break;
                    case ReminderSendOutcome.Withdrawn:
                        withdrawn++;
                        break;
                }
            }
            catch (ReminderNotSentException ex)
            {
                problems.Add(ex.Message);
            }
        }

        return (sent, withdrawn, problems);
    }

    public async Task<bool> DiscardAsync(Guid id, CancellationToken cancellationToken = default)
        => await db.Reminders.Where(r => r.Id == id && r.State == ReminderState.Ready)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ReminderState.Discarded), cancellationToken) == 1;

    private static ReminderRequest ToRequest(PortalReminder r) => new(r.Kind, r.UserId, r.Recipient, r.Summary, r.Payload, r.DeduplicationKey);

    private Guid? CurrentUserId() => actor.Actor.UserId;
}

/// <summary>What pressing Send did.</summary>
public enum ReminderSendOutcome
{
    Sent,

    /// <summary>Already sent or discarded by someone else.</summary>
    NotWaiting,

    /// <summary>It had nothing left to announce, so it was discarded instead of sent.</summary>
    Withdrawn,
}
