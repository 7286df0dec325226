using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Portal.Clients.Data;
using Portal.Clients.Models;
using Portal.Core.Contracts;
using Portal.Core.Security;
using Portal.Core.Time;

namespace Portal.Clients.Services;

/// <summary>
/// Decides who may see a client's things. Client users' access comes only from memberships that are
/// valid today, read on every call, so removing a user or reaching the end date takes effect at once.
/// </summary>
public sealed class ClientAccess(
    ClientsDbContext db,
    IAuthorizationService authorization,
    PortalMemberships memberships,
    IPracticeClock calendar,
    PortalChoiceCookie choice) : IClientAccess
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
            return await db.Clients.AnyAsync(c => c.Id == clientId, cancellationToken) ? ClientAccessLevel.Staff : ClientAccessLevel.None;
        }

        if (!user.IsClientUser() || user.IdOf() is not { } userId)
        {
            return ClientAccessLevel.None;
        }

        var today = await calendar.TodayAsync(cancellationToken);
        var access = await (from pc in db.PortalClients.AsNoTracking()
                            join c in db.Clients on pc.ClientId equals c.Id
                            join m in db.PortalMembers on pc.PortalId equals m.PortalId
                            where pc.ClientId == clientId && c.Status == ClientStatus.Active
                                && m.UserId == userId && (m.ExpiresOn == null || m.ExpiresOn >= today)
                            select (PortalAccess?)m.Access).FirstOrDefaultAsync(cancellationToken);
        return access switch
        {
            PortalAccess.Full => ClientAccessLevel.Full,
            PortalAccess.Contributor => ClientAccessLevel.Contributor,
            _ => ClientAccessLevel.None,
        };
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

        var portals = await memberships.ActiveForUserAsync(userId, cancellationToken);
        var chosen = choice.Read(userId) is { } remembered ? portals.FirstOrDefault(p => p.PortalId == remembered) : null;
        chosen ??= portals.Count == 1 ? portals[0] : null;
        CurrentPortal? current = null;
        if (chosen is not null)
        {
            var clients = await (from pc in db.PortalClients.AsNoTracking()
                                 join c in db.Clients on pc.ClientId equals c.Id
                                 where pc.PortalId == chosen.PortalId && c.Status == ClientStatus.Active
                                 orderby c.NormalizedName
                                 select new ClientSummary(c.Id, c.Name)).ToListAsync(cancellationToken);
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
}
