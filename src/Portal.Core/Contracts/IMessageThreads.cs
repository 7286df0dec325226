using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Portal.Core.Contracts;

/// <summary>
/// Secure message threads between a client and the practice (implemented by the Messages module), as
/// other modules use them: a project keeps its conversation in a thread of its own, and a status change
/// posts its note there (the "assignment note"), from the UI and from the sync API alike. A module that
/// uses this declares the Messages feature as an optional integration: without it, there is no thread.
/// </summary>
public interface IMessageThreads
{
    /// <summary>
    /// The thread about <paramref name="topic"/> (one per topic), made on first use with the topic's
    /// title as its subject. Idempotent: concurrent callers get the same thread.
    /// </summary>
    Task<Guid> EnsureThreadAsync(Guid clientId, MessageTopic topic, CancellationToken cancellationToken = default);

    /// <summary>
    /// Posts a message from the practice, written by <paramref name="author"/>, and notifies the
    /// client's users as every staff message does (batched e-mail that never holds the text).
    /// </summary>
    Task<Guid> PostFromPracticeAsync(Guid threadId, ClaimsPrincipal author, string text, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="EnsureThreadAsync"/> and <see cref="PostFromPracticeAsync"/> for many messages in one
    /// save (a sync batch's new projects' notes): each message in the list's order in its topic's thread,
    /// made when missing; the client's users told as one by one would tell them. A refused text throws
    /// before anything is written. Returns the messages' ids in the list's order.
    /// </summary>
    Task<IReadOnlyList<Guid>> PostManyFromPracticeAsync(IReadOnlyList<TopicMessage> messages, CancellationToken cancellationToken = default);

    /// <summary>The thread's page for whoever asks: the staff inbox's page for staff, the client site's page for client users.</summary>
    string ThreadPath(HttpContext httpContext, Guid threadId);

    /// <summary>How many messages of the topic's thread <paramref name="user"/> has not read (0 when there is no thread).</summary>
    Task<int> UnreadCountAsync(ClaimsPrincipal user, MessageTopic topic, CancellationToken cancellationToken = default);
}

/// <summary>What a thread is about, beside the client: e.g. ("project", project id, "2026 Personal tax return").</summary>
/// <param name="Kind">A constant of the owning module (e.g. "project").</param>
public sealed record MessageTopic(string Kind, Guid Id, string Title);

/// <summary>A message from the practice about a topic of a client, written by <paramref name="Author"/>.</summary>
public sealed record TopicMessage(Guid ClientId, MessageTopic Topic, ClaimsPrincipal Author, string Text);
