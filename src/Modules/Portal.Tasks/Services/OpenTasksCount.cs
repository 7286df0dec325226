using System.Security.Claims;
using Portal.Core.Navigation;

namespace Portal.Tasks.Services;

/// <summary>The number beside the client's Tasks entry: open tasks the user can see.</summary>
public sealed class OpenTasksCount(ClientTaskLines lines) : INavigationCount
{
    public string Path => TaskPaths.ClientList;

    public string Meaning => "open tasks";

    public Task<int> CountAsync(ClaimsPrincipal user, CancellationToken cancellationToken) => lines.CountOpenAsync(user, cancellationToken);
}
