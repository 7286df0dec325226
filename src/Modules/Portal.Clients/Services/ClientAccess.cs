using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Portal.Clients.Data;
using Portal.Clients.Models;
using Portal.Core.Contracts;
using Portal.Core.Security;
using Portal.Core.Tenancy;

namespace Portal.Clients.Services;

/// <summary>
/// Decides who may see a client's things. Client users' access comes only from memberships that are
/// valid today; the answers are this server's copies (<see cref="ClientAccessCopies"/>), retired by
/// every change to memberships, portals and clients and by the date, so removing a user or reaching
/// the end date takes effect on the next request.
/// </summary>
public sealed class ClientAccess(
    ClientsDbContext db,
    IAuthorizationService authorization,
    ActivePortals activePortals,
    PortalChoiceCookie choice,
    ClientAccessCopies copies,
    IClientDirectory directory,
    TenantContext tenantContext) : IClientAccess
{
    private readonly Dictionary<Guid, CurrentPortal?> _current = [];

    public async Task<ClientAccessLevel> ForClientAsync(ClaimsPrincipal user, Guid clientId, CancellationToken cancellationToken = default)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return ClientAccessLevel.None;
        }

        if ((await authorization.AuthorizeAsync(user, null, new PermissionRequirement(Permissions.ViewClients.Name))).Succeeded)
        {
            // A made-up id is nobody's client: staff get nothing to write rows against.
            return await directory.FindAsync(clientId, cancellationToken) is not null
                ? ClientAccessLevel.Staff
                : ClientAccessLevel.None;
        }

        if (!user.IsClientUser() || user.IdOf() is not { } userId)
        {
            return ClientAccessLevel.None;
        }

        var best = ClientAccessLevel.None;
        foreach (var portal in await PortalsOfAsync(userId, cancellationToken))
        {
            if ((await ClientsOfAsync(portal.PortalId, cancellationToken)).Any(c => c.Id == clientId))
            {
                var level = portal.Access == PortalAccess.Full ? ClientAccessLevel.Full : ClientAccessLevel.Contributor;
                best = level > best ? level : best;
            }
        }

        return best;
    }

    public async Task<CurrentPortal?> CurrentPortalAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!user.IsClientUser() || user.IdOf() is not { } userId)
        {
            return null;
        }

        // Asked several times per request (home page, dashboard cards, other modules); answered once.
        if (_current.TryGetValue(userId, out var known))
        {
            return known;
        }

        var portals = await PortalsOfAsync(userId, cancellationToken);
        var chosen = choice.Read(userId) is { } remembered ? portals.FirstOrDefault(p => p.PortalId == remembered) : null;
        chosen ??= portals.Count == 1 ? portals[0] : null;
        CurrentPortal? current = null;
        if (chosen is not null)
        {
            var clients = await ClientsOfAsync(chosen.PortalId, cancellationToken);
            current = new CurrentPortal(
                chosen.PortalId,
                chosen.Name,
                chosen.Access == PortalAccess.Full ? ClientAccessLevel.Full : ClientAccessLevel.Contributor,
                clients,
                portals.Count > 1);
        }

        _current[userId] = current;
        return current;
    }

    private Task<IReadOnlyList<ActivePortal>> PortalsOfAsync(Guid userId, CancellationToken cancellationToken)
        => activePortals.ForUserAsync(userId, cancellationToken);

    private Task<IReadOnlyList<ClientSummary>> ClientsOfAsync(Guid portalId, CancellationToken cancellationToken)
        => copies.ClientsOfAsync(
            tenantContext.Tenant.Id,
            portalId,
            async () => await (from pc in db.PortalClients.AsNoTracking()
                               join c in db.Clients on pc.ClientId equals c.Id
                               where pc.PortalId == portalId && c.Status == ClientStatus.Active
                               orderby c.NormalizedName
                               select new ClientSummary(c.Id, c.Name)).ToListAsync(cancellationToken),
            cancellationToken);
}
