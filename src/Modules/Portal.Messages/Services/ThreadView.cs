using Microsoft.EntityFrameworkCore;
using Portal.Messages.Data;
using Portal.Messages.Models;

namespace Portal.Messages.Services;

/// <summary>A thread's messages, oldest first, each with its files, read in two queries.</summary>
public sealed class ThreadView(MessagesDbContext db)
{
    /// <summary>The most messages a thread page shows (the newest ones).</summary>
    public const int MaxMessages = 200;

    public async Task<IReadOnlyList<ThreadMessage>> MessagesAsync(Guid threadId, CancellationToken cancellationToken = default)
    {
        var messages = await db.Messages.AsNoTracking().Where(m => m.ThreadId == threadId)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(MaxMessages).ToListAsync(cancellationToken);
        messages.Reverse();
        var ids = messages.Select(m => m.Id).ToList();
        var files = (await db.Attachments.AsNoTracking().Where(a => ids.Contains(a.MessageId)).OrderBy(a => a.FileName).ToListAsync(cancellationToken))
            .ToLookup(a => a.MessageId);
        return messages.Select(m => new ThreadMessage(m, files[m.Id].ToList())).ToList();
    }

    /// <summary>A file of the thread, or null when the id is not one of its messages' files.</summary>
    public Task<MessageAttachment?> AttachmentAsync(Guid threadId, Guid attachmentId, CancellationToken cancellationToken = default)
        => db.Attachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && db.Messages.Any(m => m.Id == a.MessageId && m.ThreadId == threadId))
            .FirstOrDefaultAsync(cancellationToken);
}

public sealed record ThreadMessage(Message Message, IReadOnlyList<MessageAttachment> Files);
