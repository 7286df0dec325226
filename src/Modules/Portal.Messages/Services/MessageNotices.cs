using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Jobs;
using Portal.Messages.Data;
using Portal.Messages.Models;

namespace Portal.Messages.Services;

/// <summary>
/// Batches e-mail notices of new messages: the first message to a person on a thread opens a batch
/// (one row per thread and recipient, claimed by a conditional update) and queues a job for the end of
/// the window; messages within the window join it. So N messages in a minute make one e-mail per
/// person per thread. The recipients are the other side: the client's portal users who can see the
/// thread, or the staff member it is assigned to (the practice's contact address when nobody is).
/// </summary>
public sealed class MessageNotices(MessagesDbContext db, IClientDirectory clients, IJobQueue jobs)
{
    /// <summary>How long a batch collects messages before its e-mail goes.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>The recipient id of the practice's contact address.</summary>
    public static readonly Guid PracticeAddress = Guid.Empty;

    public async Task QueueAsync(MessageThread thread, MessageAuthor author, DateTime now, CancellationToken cancellationToken)
    {
        foreach (var recipient in await RecipientsAsync(thread, author, cancellationToken))
        {
            if (await OpenBatchAsync(thread.Id, recipient, now, cancellationToken))
            {
                await jobs.EnqueueAsync<MessageNoticeHandler, MessageNoticeJob>(
                    new MessageNoticeJob(thread.Id, recipient),
                    new EnqueueOptions { RunAfter = now + Window, JobId = JobIdOf(thread.Id, recipient, now) },
                    cancellationToken);
            }
        }
    }

    /// <summary>
    /// <see cref="QueueAsync"/> for many messages of the practice, in their order, with one read of the
    /// recipients, one of the notices, one save and one write of the jobs: the first message to a
    /// person on a thread opens its batch, the later ones join it.
    /// </summary>
    internal async Task QueueManyAsync(IReadOnlyList<(MessageThread Thread, MessageAuthor Author, DateTime At)> posted, CancellationToken cancellationToken)
    {
        var users = await clients.PortalUsersOfManyAsync(posted.Select(p => p.Thread.ClientId).ToHashSet(), cancellationToken);
        var threadIds = posted.Select(p => p.Thread.Id).Distinct().ToList();
        var stored = (await db.Notices.AsNoTracking().Where(n => threadIds.Contains(n.ThreadId)).ToListAsync(cancellationToken))
            .ToDictionary(n => (n.ThreadId, n.RecipientId));
        var pending = new HashSet<(Guid ThreadId, Guid RecipientId)>();
        var queued = new List<(MessageNoticeJob Payload, EnqueueOptions Options)>();
        foreach (var (thread, author, at) in posted)
        {
            foreach (var recipient in Recipients(thread, author, users.GetValueOrDefault(thread.ClientId) ?? []))
            {
                var key = (thread.Id, recipient);
                if (!pending.Add(key))
                {
                    continue;
                }

                if (!stored.TryGetValue(key, out var notice))
                {
                    db.Notices.Add(new MessageNotice { ThreadId = thread.Id, RecipientId = recipient, PendingSince = at });
                }
                else if (notice.PendingSince is not null || !await OpenBatchAsync(thread.Id, recipient, at, cancellationToken))
                {
                    continue;
                }

                queued.Add((new MessageNoticeJob(thread.Id, recipient), new EnqueueOptions { RunAfter = at + Window, JobId = JobIdOf(thread.Id, recipient, at) }));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (queued.Count > 0)
        {
            await jobs.EnqueueManyAsync<MessageNoticeHandler, MessageNoticeJob>(queued, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<Guid>> RecipientsAsync(MessageThread thread, MessageAuthor author, CancellationToken cancellationToken)
        => author.FromClient ? Recipients(thread, author, []) : Recipients(thread, author, await clients.PortalUsersAsync(thread.ClientId, cancellationToken));

    private static List<Guid> Recipients(MessageThread thread, MessageAuthor author, IReadOnlyList<ClientPortalUser> users)
    {
        if (author.FromClient)
        {
            var staff = thread.AssignedUserId ?? PracticeAddress;
            return staff == author.UserId ? [] : [staff];
        }

        return users
            .Where(u => u.Access == ClientAccessLevel.Full || (u.Access == ClientAccessLevel.Contributor && u.UserId == thread.StartedByUserId))
            .Select(u => u.UserId)
            .Where(id => id != author.UserId)
            .Distinct()
            .ToList();
    }

    /// <summary>True when this message opened a batch (and its job must be queued); false when one is already waiting.</summary>
    private async Task<bool> OpenBatchAsync(Guid threadId, Guid recipient, DateTime now, CancellationToken cancellationToken)
    {
        var opened = await db.Notices
            .Where(n => n.ThreadId == threadId && n.RecipientId == recipient && n.PendingSince == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.PendingSince, now), cancellationToken);
        if (opened == 1)
        {
            return true;
        }

        if (await db.Notices.AnyAsync(n => n.ThreadId == threadId && n.RecipientId == recipient, cancellationToken))
        {
            return false;
        }

        var notice = new MessageNotice { ThreadId = threadId, RecipientId = recipient, PendingSince = now };
        db.Notices.Add(notice);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // A message posted at the same moment opened the batch: this one joins it.
            db.Entry(notice).State = EntityState.Detached;
            return false;
        }
    }

    /// <summary>The same batch always has the same job, so a retried post never queues a second e-mail.</summary>
    private static Guid JobIdOf(Guid threadId, Guid recipient, DateTime opened)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"messages.notice:{threadId:N}:{recipient:N}:{opened.Ticks}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
