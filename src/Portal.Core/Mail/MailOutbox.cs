using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Core.Data;
using Portal.Core.Jobs;
using Portal.Core.Navigation;

namespace Portal.Core.Mail;

/// <summary>
/// Writes the message to the practice's outbox table, then enqueues the send job: at once, or, when the
/// row was written in a caller's transaction (a sync batch's), once that commits (<see cref="AfterCommit"/>),
/// so the job never looks for a row that is not there yet. If the process dies between the two,
/// <see cref="OutboxSweepHandler"/> finds the unsent message and queues it again.
/// </summary>
public sealed class MailOutbox(CoreTenantDbContext db, IJobQueue jobs, OutboxSecrets secrets, TimeProvider clock) : IMailOutbox
{
    public async Task<Guid> QueueAsync(MailDraft draft, CancellationToken cancellationToken = default)
    {
        if (draft.To.Count == 0)
        {
            throw new ArgumentException("A message needs at least one recipient.", nameof(draft));
        }

        if (draft.Id is { } given && await db.OutboxMessages.AsNoTracking().AnyAsync(m => m.Id == given, cancellationToken))
        {
            return given;
        }

        var (html, text, sealedSecrets) = secrets.Seal(draft);
        var message = new OutboxMessage
        {
            Id = draft.Id ?? Guid.CreateVersion7(),
            To = string.Join(", ", draft.To),
            Subject = draft.Subject,
            HtmlBody = html,
            TextBody = text,
            SealedSecrets = sealedSecrets,
            Template = draft.Template,
            State = OutboxState.Pending,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.OutboxMessages.Add(message);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (draft.Id is not null)
        {
            // A concurrent sender queued the same message id first: that one is sent, this one is not.
            db.Entry(message).State = EntityState.Detached;
            return message.Id;
        }

        if (db.Database.CurrentTransaction is { } transaction)
        {
            // The row is committed with the caller's transaction; so is its send.
            AfterCommit.Add(transaction.GetDbTransaction(), () => jobs.EnqueueAsync<SendOutboxMessageHandler, SendOutboxMessage>(new SendOutboxMessage(message.Id), CancellationToken.None));
        }
        else
        {
            await jobs.EnqueueAsync<SendOutboxMessageHandler, SendOutboxMessage>(new SendOutboxMessage(message.Id), cancellationToken);
        }

        return message.Id;
    }

    public async Task<ListPage<OutboxMessage>> ListAsync(OutboxState? state, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var query = db.OutboxMessages.AsNoTracking();
        if (state is not null)
        {
            query = query.Where(m => m.State == state);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(m => m.CreatedAt)
            .Skip((Math.Max(page, 1) - 1) * pageSize)
            .Take(pageSize)
            .Select(m => new OutboxMessage
            {
                Id = m.Id,
                To = m.To,
                Subject = m.Subject,
                Template = m.Template,
                State = m.State,
                Attempts = m.Attempts,
                LastError = m.LastError,
                CreatedAt = m.CreatedAt,
                SentAt = m.SentAt,
            })
            .ToListAsync(cancellationToken);
        return new ListPage<OutboxMessage>(items, total, page, pageSize);
    }

    public async Task<OutboxMessage?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var message = await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is not null)
        {
            // Readers of the outbox see the copy, never what only the recipient may hold.
            message.HtmlBody = OutboxSecrets.Mask(message.HtmlBody);
            message.TextBody = OutboxSecrets.Mask(message.TextBody);
            message.SealedSecrets = null;
        }

        return message;
    }

    public async Task<bool> RetryAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var updated = await db.OutboxMessages
            .Where(m => m.Id == id && m.State == OutboxState.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Pending).SetProperty(m => m.Attempts, 0), cancellationToken);
        if (updated == 0)
        {
            return false;
        }

        await jobs.EnqueueAsync<SendOutboxMessageHandler, SendOutboxMessage>(new SendOutboxMessage(id), cancellationToken);
        return true;
    }
}
