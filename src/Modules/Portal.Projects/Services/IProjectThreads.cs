using System.Security.Claims;
using Portal.Projects.Models;

namespace Portal.Projects.Services;

/// <summary>
/// A project's message thread, when the practice has messages: <see cref="NoProjectThreads"/> without
/// the Messages module, <see cref="ProjectThreadsThroughMessages"/> (added by <see cref="MessagesIntegration"/>) with it.
/// </summary>
public interface IProjectThreads
{
    /// <summary>Whether the current practice has messages (the module is there and switched on).</summary>
    bool IsAvailable { get; }

    /// <summary>Posts the note in the project's thread (made on first use) as a message from the practice.</summary>
    Task PostNoteAsync(Project project, ClaimsPrincipal author, string note, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="PostNoteAsync"/> for many notes in one save, in the list's order (a sync batch's new
    /// projects): through <see cref="Portal.Core.Contracts.IMessageThreads.PostManyFromPracticeAsync"/>.
    /// </summary>
    Task PostNotesAsync(IReadOnlyList<(Project Project, ClaimsPrincipal Author, string Note)> notes, CancellationToken cancellationToken = default);

    /// <summary>The thread's page for whoever asks (made on first use); null without messages.</summary>
    Task<string?> ThreadPathAsync(Microsoft.AspNetCore.Http.HttpContext httpContext, Project project, CancellationToken cancellationToken = default);

    /// <summary>How many of the thread's messages the user has not read.</summary>
    Task<int> UnreadCountAsync(ClaimsPrincipal user, Project project, CancellationToken cancellationToken = default);
}
