using System.Security.Claims;
using Portal.Clients.Services;
using Portal.Core.Navigation;

namespace Portal.Clients;

/// <summary>"Switch portal", for client users who belong to more than one portal.</summary>
public sealed class ClientNav(PortalMemberships memberships) : IClientNavProvider
{
    public async Task<IEnumerable<ClientNavItem>> GetItemsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.FindFirstValue("portal:kind") != "Client" || !Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return [];
        }

        return (await memberships.ActiveForUserAsync(userId, cancellationToken)).Count > 1
            ? [new ClientNavItem("Switch portal", "/portals/choose", Manifest.Feature, 90)]
            : [];
    }
}
