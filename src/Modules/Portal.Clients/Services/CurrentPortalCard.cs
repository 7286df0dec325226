using System.Security.Claims;
using Portal.Core.Contracts;
using Portal.Core.Navigation;

namespace Portal.Clients.Services;

/// <summary>
/// The client home page's card: which portal the user is in and whose affairs it holds. Without a
/// current portal there is no card: the home page sends the user to the chooser instead.
/// </summary>
public sealed class CurrentPortalCard(IClientAccess access) : IClientDashboardCardProvider
{
    public async Task<IReadOnlyList<ClientDashboardCard>> GetCardsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await access.CurrentPortalAsync(user, cancellationToken) is not { } current)
        {
            return [];
        }

        var clients = current.Clients.Count == 0 ? "No clients yet" : string.Join(", ", current.Clients.Select(c => c.Name));
        var level = current.Access == ClientAccessLevel.Full ? "Full access" : "Contributor access";
        var summary = $"{clients} · {level}" + (current.HasOtherPortals ? " · Switch portal" : "");
        return [new ClientDashboardCard(current.Name, summary, "/portals/choose", 0)];
    }
}
