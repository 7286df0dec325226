using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Tenancy;
using Portal.Projects.Models;

namespace Portal.Projects.Services;

/// <summary>
/// A project's thread in the Messages module, one per project (topic "project" + the project's id).
/// <see cref="IMessageThreads"/> is resolved only when the practice has the Messages feature on, so a
/// practice that switched it off neither gets threads made nor notes posted.
/// </summary>
internal sealed class ProjectThreadsThroughMessages(TenantContext tenantContext, IServiceProvider services) : IProjectThreads
{
    public const string TopicKind = "project";

    public bool IsAvailable => tenantContext.Tenant.IsFeatureEnabled(MessagesIntegration.MessagesFeature);

    public async Task PostNoteAsync(Project project, ClaimsPrincipal author, string note, CancellationToken cancellationToken = default)
    {
        var threads = Threads() ?? throw new InvalidOperationException("Messages are not available; check IsAvailable first.");
        var thread = await threads.EnsureThreadAsync(project.ClientId, Topic(project), cancellationToken);
        await threads.PostFromPracticeAsync(thread, author, note, cancellationToken);
    }

    public async Task PostNotesAsync(IReadOnlyList<(Project Project, ClaimsPrincipal Author, string Note)> notes, CancellationToken cancellationToken = default)
    {
        var threads = Threads() ?? throw new InvalidOperationException("Messages are not available; check IsAvailable first.");
        await threads.PostManyFromPracticeAsync([.. notes.Select(n => new TopicMessage(n.Project.ClientId, Topic(n.Project), n.Author, n.Note))], cancellationToken);
    }

    public async Task<string?> ThreadPathAsync(HttpContext httpContext, Project project, CancellationToken cancellationToken = default)
    {
        if (Threads() is not { } threads)
        {
            return null;
        }

        var thread = await threads.EnsureThreadAsync(project.ClientId, Topic(project), cancellationToken);
        return threads.ThreadPath(httpContext, thread);
    }

    public async Task<int> UnreadCountAsync(ClaimsPrincipal user, Project project, CancellationToken cancellationToken = default)
        => Threads() is { } threads ? await threads.UnreadCountAsync(user, Topic(project), cancellationToken) : 0;

    private IMessageThreads? Threads() => IsAvailable ? services.GetRequiredService<IMessageThreads>() : null;

    private static MessageTopic Topic(Project project) => new(TopicKind, project.Id, project.Name);
}
