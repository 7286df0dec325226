using Microsoft.Extensions.DependencyInjection;
using Portal.Clients.Models;
using Portal.Clients.Services;
using Portal.Core.Contracts;

namespace Portal.Tests.Documents;

/// <summary>Clients and portals made through the Clients module's own services, for tests of other modules.</summary>
public static class ClientsFixtures
{
    /// <summary>Creates a client in a portal of its own, with the given users and access levels; returns the client id.</summary>
    public static async Task<Guid> CreateClientInPortalAsync(IServiceProvider services, string name, IReadOnlyList<(Guid UserId, ClientAccessLevel Access)> users)
    {
        var clients = services.GetRequiredService<ClientStore>();
        var portals = services.GetRequiredService<PortalStore>();
        var created = await clients.CreateAsync(new ClientInput(ClientKind.Business, name, [], null, null, null, null));
        var client = created.Value ?? throw new InvalidOperationException("Creating the client failed.");
        var portal = (await portals.CreateAsync($"{name} portal {Guid.NewGuid():N}"[..Math.Min(60, name.Length + 40)])).Value ?? throw new InvalidOperationException("Creating the portal failed.");
        if (await portals.AddClientAsync(portal.Id, client.Id) is { } error)
        {
            throw new InvalidOperationException(error.Message);
        }

        foreach (var (userId, access) in users)
        {
            await AddToPortalAsync(services, portal.Id, userId, access);
        }

        return client.Id;
    }

    public static async Task AddToPortalOfAsync(IServiceProvider services, Guid clientId, Guid userId, ClientAccessLevel access)
    {
        var portal = await services.GetRequiredService<ClientStore>().PortalOfAsync(clientId) ?? throw new InvalidOperationException("The client has no portal.");
        await AddToPortalAsync(services, portal.Id, userId, access);
    }

    private static async Task AddToPortalAsync(IServiceProvider services, Guid portalId, Guid userId, ClientAccessLevel access)
    {
        var user = await services.GetRequiredService<IUserDirectory>().FindAsync(userId) ?? throw new InvalidOperationException("No such user.");
        await services.GetRequiredService<PortalMemberships>().SetAsync(portalId, user, access == ClientAccessLevel.Full ? PortalAccess.Full : PortalAccess.Contributor, null);
    }
}
