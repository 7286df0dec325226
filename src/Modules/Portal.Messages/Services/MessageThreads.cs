using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Security;
using Portal.Messages.Data;
using Portal.Messages.Models;

namespace Portal.Messages.Services;

/// <summary>
/// Threads as other modules use them (<see cref="IMessageThreads"/>): one per topic, made on first use.
/// Concurrent first uses race on the unique (TopicKind, TopicId) index: the loser reads the winner's row.
/// </summary>
public sealed class MessageThreads(MessagesDbContext db, MessagePosting posting, MessageReading reading, ThreadAccess access, TimeProvider clock) : IMessageThreads
{
    public async Task<Guid> EnsureThreadAsync(Guid clientId, MessageTopic topic, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(topic, cancellationToken) is { } existing)
        {
            return existing;
        }

        var thread = MessageThread.ForTopic(clientId, topic, clock.GetUtcNow().UtcDateTime);
        db.Threads.Add(thread);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return thread.Id;
        }
        catch (DbUpdateException)
        {
            db.Entry(thread).State = EntityState.Detached;
            return await FindAsync(topic, cancellationToken) ?? throw new InvalidOperationException($"The thread of {topic.Kind} {topic.Id} could be neither made nor found.");
        }
    }

    public async Task<Guid> PostFromPracticeAsync(Guid threadId, ClaimsPrincipal author, string text, CancellationToken cancellationToken = default)
    {
        var result = await posting.ReplyAsync(threadId, MessageAuthor.Of(author) with { FromClient = false }, text, [], cancellationToken);
        return result.Succeeded ? result.MessageId : throw new ArgumentException(result.Error!.Message, nameof(text));
    }

    public Task<IReadOnlyList<Guid>> PostManyFromPracticeAsync(IReadOnlyList<TopicMessage> messages, CancellationToken cancellationToken = default)
        => posting.PostManyAsync([.. messages.Select(m => (m.ClientId, m.Topic, MessageAuthor.Of(m.Author) with { FromClient = false }, m.Text))], cancellationToken);

    public string ThreadPath(HttpContext httpContext, Guid threadId)
        => httpContext.Request.PathBase + (httpContext.User.IsStaffUser() ? $"{AdminMenu.InboxPath}/{threadId}" : $"{ClientNav.MessagesPath}/{threadId}");

    public async Task<int> UnreadCountAsync(ClaimsPrincipal user, MessageTopic topic, CancellationToken cancellationToken = default)
    {
        if (user.IdOf() is not { } userId || await FindAsync(topic, cancellationToken) is not { } threadId)
        {
            return 0;
        }

        // A client user counts only a thread they may see (a contributor does not see a project's thread).
        if (!user.IsStaffUser() && (await access.ForPortalUserAsync(user, cancellationToken) is not { } view || await access.FindAsync(view, threadId, cancellationToken) is null))
        {
            return 0;
        }

        return await reading.UnreadMessagesAsync(threadId, userId, cancellationToken);
    }

    private async Task<Guid?> FindAsync(MessageTopic topic, CancellationToken cancellationToken)
        => await db.Threads.AsNoTracking().Where(t => t.TopicKind == topic.Kind && t.TopicId == topic.Id).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken);
}
