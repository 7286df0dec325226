using Portal.Core.Navigation;

namespace Portal.Tasks.Services;

internal sealed class TasksClientNav : IClientNavProvider
{
    public Task<IEnumerable<ClientNavItem>> GetItemsAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken)
        => Task.FromResult<IEnumerable<ClientNavItem>>([new("Tasks", TaskPaths.ClientList, Manifest.Feature, 5)]);
}
