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
