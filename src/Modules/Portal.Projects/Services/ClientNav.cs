using System.Security.Claims;
using Portal.Core.Navigation;

namespace Portal.Projects.Services;

internal sealed class ClientNav : IClientNavProvider
{
    public const string ProjectsPath = "/projects";

    public Task<IEnumerable<ClientNavItem>> GetItemsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
        => Task.FromResult<IEnumerable<ClientNavItem>>([new("Projects", ProjectsPath, Manifest.Feature, 15)]);
}
