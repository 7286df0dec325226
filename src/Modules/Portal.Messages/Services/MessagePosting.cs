using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Errors;
using Portal.Core.Events;
using Portal.Core.Settings;
using Portal.Core.Theming;
using Portal.Messages.Data;
using Portal.Messages.Models;

namespace Portal.Messages.Services;

/// <summary>
/// Writes messages: checks the text and files first, stores the files (refused file: nothing is
/// written, and the files already stored are removed), then the thread, the message and the author's
/// read mark in one save; audits it and starts the recipients' e-mail batch. A client writes only while
/// the practice lets clients write (its client site switches), whichever page or module posts.
/// </summary>
public sealed class MessagePosting(MessagesDbContext db, IAttachmentStore attachments, IAuditLog audit, MessageNotices notices, IDomainEventPublisher events, SiteSettingsStore settings, TimeProvider clock)
{
    public const int MaxFiles = 10;

    /// <summary>The owner name of this module's files in <see cref="IAttachmentStore"/>.</summary>
    public const string AttachmentOwner = "message";

    public static PortalError? CheckText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return MessageErrors.EmptyText;
        }

        return text.Trim().Length > Message.TextMaxLength ? MessageErrors.TextTooLong : null;
    }

    public static PortalError? CheckSubject(string? subject)
    {
        if (string.IsNullOrWhiteSpace(subject))
        {
            return MessageErrors.EmptySubject;
        }

        return subject.Trim().Length > MessageThread.SubjectMaxLength ? MessageErrors.SubjectTooLong : null;
    }

    /// <summary>Starts <paramref name="thread"/> (not yet saved) with its first message.</summary>
    public Task<PostResult> StartAsync(MessageThread thread, MessageAuthor author, string? text, IReadOnlyList<MessageFile> files, CancellationToken cancellationToken = default)
    {
        var action = thread.Kind == MessageThreadKind.Contact ? MessageAuditActions.ContactSent : MessageAuditActions.ThreadStarted;
        return WriteAsync(thread, isNew: true, author, text, files, action, cancellationToken);
    }

    public async Task<PostResult> ReplyAsync(Guid threadId, MessageAuthor author, string? text, IReadOnlyList<MessageFile> files, CancellationToken cancellationToken = default)
    {
        var thread = await db.Threads.FirstOrDefaultAsync(t => t.Id == threadId, cancellationToken);
        return thread is null
            ? PostResult.Refused(MessageErrors.ThreadNotFound)
            : await WriteAsync(thread, isNew: false, author, text, files, MessageAuditActions.Posted, cancellationToken);
    }

    /// <summary>
    /// Many messages without files in one save, each in its topic's thread (made when missing), written as
    /// <see cref="MessageThreads.EnsureThreadAsync"/> and <see cref="ReplyAsync"/> one by one would write
    /// them: the threads' counts, the authors' read marks, an audit entry each and the recipients'
    /// notices. Each message has its own moment, a microsecond after the one before, so a thread lists
    /// them in the list's order as it would have.
    /// </summary>
    internal async Task<IReadOnlyList<Guid>> PostManyAsync(IReadOnlyList<(Guid ClientId, MessageTopic Topic, MessageAuthor Author, string Text)> messages, CancellationToken cancellationToken)
    {
        if (messages.Select(m => CheckText(m.Text)).OfType<PortalError>().FirstOrDefault() is { } textError)
        {
            throw new ArgumentException(textError.Message, nameof(messages));
        }

        if (messages.Any(m => m.Author.FromClient))
        {
            throw new ArgumentException("Only the practice's messages are posted together.", nameof(messages));
        }

        var threads = new Dictionary<(string Kind, Guid Id), MessageThread>();
        foreach (var kind in messages.Select(m => m.Topic.Kind).Distinct(StringComparer.Ordinal))
        {
            var topicIds = messages.Where(m => m.Topic.Kind == kind).Select(m => (Guid?)m.Topic.Id).Distinct().ToList();
            foreach (var stored in await db.Threads.AsNoTracking().Where(t => t.TopicKind == kind && topicIds.Contains(t.TopicId)).ToListAsync(cancellationToken))
            {
                threads[(kind, stored.TopicId!.Value)] = stored;
            }
        }

        var storedThreads = threads.Values.Select(t => t.Id).ToHashSet();
        var start = clock.GetUtcNow().UtcDateTime;
        var posted = new List<(MessageThread Thread, MessageAuthor Author, DateTime At)>(messages.Count);
        var ids = new List<Guid>(messages.Count);
        foreach (var (clientId, topic, author, text) in messages)
        {
            var at = start.AddMicroseconds(posted.Count);
            if (!threads.TryGetValue((topic.Kind, topic.Id), out var thread))
            {
                thread = MessageThread.ForTopic(clientId, topic, at);
                db.Threads.Add(thread);
                threads[(topic.Kind, topic.Id)] = thread;
            }

            if (!storedThreads.Contains(thread.Id))
            {
                thread.MessageCount++;
                thread.LastMessageAt = at;
                thread.LastMessageFromClient = false;
            }

            var message = new Message { Id = Guid.CreateVersion7(), ThreadId = thread.Id, AuthorUserId = author.UserId, AuthorName = Clip(author.Name, Message.AuthorNameMaxLength), Text = text.Trim(), CreatedAt = at };
            db.Messages.Add(message);
            ids.Add(message.Id);
            posted.Add((thread, author, at));
        }

        // The authors' read marks: rows of stored threads are read first, new threads have none.
        var marks = posted.Where(p => p.Author.UserId is not null).GroupBy(p => (p.Thread.Id, UserId: p.Author.UserId!.Value)).ToDictionary(g => g.Key, g => g.Max(p => p.At));
        var readers = marks.Keys.Select(k => k.UserId).Distinct().ToList();
        var storedReads = storedThreads.Count == 0 ? [] : await db.Reads.Where(r => storedThreads.Contains(r.ThreadId) && readers.Contains(r.UserId)).ToListAsync(cancellationToken);
        foreach (var ((threadId, userId), upTo) in marks)
        {
            var read = storedReads.FirstOrDefault(r => r.ThreadId == threadId && r.UserId == userId);
            if (read is null)
            {
                db.Reads.Add(new MessageRead { ThreadId = threadId, UserId = userId, ReadUpTo = upTo });
            }
            else if (read.ReadUpTo < upTo)
            {
                read.ReadUpTo = upTo;
            }
        }

        await using (var transaction = await db.Database.BeginOrNestTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            foreach (var group in posted.Where(p => storedThreads.Contains(p.Thread.Id)).GroupBy(p => p.Thread.Id))
            {
                // As one by one: counted in the database, the latest message stays the thread's last.
                var (threadId, count, last) = (group.Key, group.Count(), group.Max(p => p.At));
                await db.Threads.Where(t => t.Id == threadId).ExecuteUpdateAsync(
                    set => set
                        .SetProperty(t => t.MessageCount, t => t.MessageCount + count)
                        .SetProperty(t => t.LastMessageFromClient, t => t.LastMessageAt > last && t.LastMessageFromClient)
                        .SetProperty(t => t.LastMessageAt, t => t.LastMessageAt > last ? t.LastMessageAt : last),
                    cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        foreach (var (thread, _, _) in posted)
        {
            await audit.RecordAsync(new AuditEntry(MessageAuditActions.Posted, MessageAuditTargets.Thread, thread.Id.ToString()), cancellationToken);
        }

        await notices.QueueManyAsync(posted, cancellationToken);
        return ids;
    }

    private async Task<PostResult> WriteAsync(MessageThread thread, bool isNew, MessageAuthor author, string? text, IReadOnlyList<MessageFile> files, string action, CancellationToken cancellationToken)
    {
        if (CheckText(text) is { } textError)
        {
            return PostResult.Refused(textError);
        }

        if (author.FromClient && !(await settings.GetAsync<ClientSiteSwitches>(cancellationToken)).ClientMessages)
        {
            return PostResult.Refused(MessageErrors.ClientMessagesOff);
        }

        if (files.Count > MaxFiles)
        {
            return PostResult.Refused(MessageErrors.TooManyFiles);
        }

        var messageId = Guid.CreateVersion7();
        var stored = new List<AttachmentInfo>();
        var written = false;
        try
        {
            foreach (var file in files)
            {
                var result = await attachments.StoreAsync(new AttachmentUpload(AttachmentOwner, messageId, file.FileName, file.Content, author.UserId ?? Guid.Empty), cancellationToken);
                if (!result.Succeeded)
                {
                    return PostResult.Refused(MessageErrors.FileRefused(file.FileName, result.Error!));
                }

                stored.Add(result.Attachment!);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            if (isNew)
            {
                thread.Id = thread.Id == Guid.Empty ? Guid.CreateVersion7() : thread.Id;
                thread.CreatedAt = now;
                db.Threads.Add(thread);
            }

            if (isNew)
            {
                thread.LastMessageAt = now;
                thread.LastMessageFromClient = author.FromClient;
                thread.MessageCount = 1;
            }
            db.Messages.Add(new Message
            {
                Id = messageId,
                ThreadId = thread.Id,
                AuthorUserId = author.UserId,
                AuthorName = Clip(author.Name, Message.AuthorNameMaxLength),
                FromClient = author.FromClient,
                Text = text!.Trim(),
                CreatedAt = now,
            });
            foreach (var attachment in stored)
            {
                db.Attachments.Add(new MessageAttachment { Id = Guid.CreateVersion7(), MessageId = messageId, AttachmentId = attachment.Id, FileName = Clip(attachment.FileName, MessageAttachment.FileNameMaxLength), Size = attachment.Size });
            }

            if (author.FromClient)
            {
                // For the desktop sync's change feed: written with the message, never without it.
                events.Publish(db, new ClientMessagePosted(thread.ClientId, thread.Id, messageId, thread.Subject, Clip(author.Name, Message.AuthorNameMaxLength), text.Trim(), now));
            }

            await using (var transaction = await db.Database.BeginOrNestTransactionAsync(cancellationToken))
            {
                await db.SaveChangesAsync(cancellationToken);
                if (!isNew)
                {
                    // In the database, not from the row read before: replies written at the same moment all count,
                    // and the latest one stays the thread's last (what unread counts and "waiting" read).
                    await db.Threads.Where(t => t.Id == thread.Id).ExecuteUpdateAsync(
                        set => set
                            .SetProperty(t => t.MessageCount, t => t.MessageCount + 1)
                            .SetProperty(t => t.LastMessageFromClient, t => t.LastMessageAt > now ? t.LastMessageFromClient : author.FromClient)
                            .SetProperty(t => t.LastMessageAt, t => t.LastMessageAt > now ? t.LastMessageAt : now),
                        cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }

            written = true;
            if (author.UserId is { } authorId)
            {
                // Writing is reading: the author's own message never counts as unread for them. Apart from
                // the message, so the same person posting twice at once loses no message over the mark.
                await MessageReading.MarkAsync(db, thread.Id, authorId, now, cancellationToken);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    db.ChangeTracker.Clear();
                }
            }

            await audit.RecordAsync(new AuditEntry(action, MessageAuditTargets.Thread, thread.Id.ToString(), stored.Count > 0 ? $"{stored.Count} file(s)" : null), cancellationToken);
            await notices.QueueAsync(thread, author, now, cancellationToken);
            return new PostResult(thread.Id, messageId, null);
        }
        finally
        {
            if (!written)
            {
                foreach (var attachment in stored)
                {
                    await attachments.DeleteAsync(attachment.Id, CancellationToken.None);
                }
            }
        }
    }

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..max];
}
