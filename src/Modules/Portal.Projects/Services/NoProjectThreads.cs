using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Portal.Projects.Models;

namespace Portal.Projects.Services;

/// <summary>Without the Messages module there is no thread: the status form does not offer to post its note.</summary>
internal sealed class NoProjectThreads : IProjectThreads
{
    public bool IsAvailable => false;

    public Task PostNoteAsync(Project project, ClaimsPrincipal author, string note, CancellationToken cancellationToken = default)
        => throw new InvalidOperationException("Messages are not available; check IsAvailable first.");

    public Task PostNotesAsync(IReadOnlyList<(Project Project, ClaimsPrincipal Author, string Note)> notes, CancellationToken cancellationToken = default)
        => throw new InvalidOperationException("Messages are not available; check IsAvailable first.");

    public Task<string?> ThreadPathAsync(HttpContext httpContext, Project project, CancellationToken cancellationToken = default)
        => Task.FromResult<string?>(null);

    public Task<int> UnreadCountAsync(ClaimsPrincipal user, Project project, CancellationToken cancellationToken = default)
        => Task.FromResult(0);
}
