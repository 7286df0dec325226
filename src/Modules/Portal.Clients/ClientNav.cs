using System.Security.Claims;
using Portal.Clients.Services;
using Portal.Core.Contracts;
using Portal.Core.Navigation;
using Portal.Core.Security;

namespace Portal.Clients;

/// <summary>"Switch portal", for client users who belong to more than one portal.</summary>
internal sealed class ClientNav(IClientAccess access, ActivePortals activePortals) : IClientNavProvider
{
    public async Task<IEnumerable<ClientNavItem>> GetItemsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.IsClientUser() || user.IdOf() is not { } userId)
        {
            return [];
        }

        // The current portal is worked out once per request (and already knows of the others); only a
        // user who has not chosen one yet needs their portals counted.
        var several = await access.CurrentPortalAsync(user, cancellationToken) is { } current
            ? current.HasOtherPortals
            : (await activePortals.ForUserAsync(userId, cancellationToken)).Count > 1;
        return several ? [new ClientNavItem("Switch portal", "/portals/choose", Manifest.Feature, 90)] : [];
    }
}
