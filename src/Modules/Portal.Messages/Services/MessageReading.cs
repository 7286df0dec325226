using Microsoft.EntityFrameworkCore;
using Portal.Messages.Data;
using Portal.Messages.Models;

namespace Portal.Messages.Services;

/// <summary>
/// Read state per person and thread: a thread is unread for someone while its last message is newer
/// than what they have read. Each count is one query over indexed columns.
/// </summary>
public sealed class MessageReading(MessagesDbContext db)
{
    /// <summary>Moves the person's read mark to the thread's last message (never backwards).</summary>
    public async Task MarkReadAsync(MessageThread thread, Guid userId, CancellationToken cancellationToken = default)
    {
        await MarkAsync(db, thread.Id, userId, thread.LastMessageAt, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same person's other tab marked it at the same moment: its mark stands.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>How many of <paramref name="threads"/> have a message <paramref name="userId"/> has not read.</summary>
    public Task<int> UnreadThreadsAsync(IQueryable<MessageThread> threads, Guid userId, CancellationToken cancellationToken = default)
        => Unread(threads, userId).CountAsync(cancellationToken);

    /// <summary>The threads of <paramref name="threads"/> with a message <paramref name="userId"/> has not read.</summary>
    public IQueryable<MessageThread> Unread(IQueryable<MessageThread> threads, Guid userId)
        => threads.Where(t => !db.Reads.Any(r => r.ThreadId == t.Id && r.UserId == userId && r.ReadUpTo >= t.LastMessageAt));

    /// <summary>Of the given threads, those unread for the person (for marking a page of a list).</summary>
    public async Task<HashSet<Guid>> UnreadAmongAsync(IReadOnlyCollection<MessageThread> threads, Guid userId, CancellationToken cancellationToken = default)
    {
        var ids = threads.Select(t => t.Id).ToList();
        var reads = await db.Reads.AsNoTracking().Where(r => r.UserId == userId && ids.Contains(r.ThreadId)).ToDictionaryAsync(r => r.ThreadId, r => r.ReadUpTo, cancellationToken);
        return threads.Where(t => !reads.TryGetValue(t.Id, out var upTo) || upTo < t.LastMessageAt).Select(t => t.Id).ToHashSet();
    }

    /// <summary>Messages of one thread, by others, newer than the person's read mark.</summary>
    public async Task<int> UnreadMessagesAsync(Guid threadId, Guid userId, CancellationToken cancellationToken = default)
    {
        var upTo = await db.Reads.Where(r => r.ThreadId == threadId && r.UserId == userId).Select(r => (DateTime?)r.ReadUpTo).FirstOrDefaultAsync(cancellationToken);
        var after = upTo ?? DateTime.MinValue;
        return await db.Messages.CountAsync(m => m.ThreadId == threadId && m.CreatedAt > after && m.AuthorUserId != userId, cancellationToken);
    }

    internal static async Task MarkAsync(MessagesDbContext db, Guid threadId, Guid userId, DateTime upTo, CancellationToken cancellationToken)
    {
        var read = db.Reads.Local.FirstOrDefault(r => r.ThreadId == threadId && r.UserId == userId)
            ?? await db.Reads.FirstOrDefaultAsync(r => r.ThreadId == threadId && r.UserId == userId, cancellationToken);
        if (read is null)
        {
            db.Reads.Add(new MessageRead { ThreadId = threadId, UserId = userId, ReadUpTo = upTo });
        }
        else if (read.ReadUpTo < upTo)
        {
            read.ReadUpTo = upTo;
        }
    }
}
