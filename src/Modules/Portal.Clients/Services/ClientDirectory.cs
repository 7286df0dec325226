using Microsoft.EntityFrameworkCore;
using Portal.Clients.Data;
using Portal.Clients.Models;
using Portal.Core.Contracts;
using Portal.Core.Tenancy;
using Portal.Core.Time;

namespace Portal.Clients.Services;

/// <summary>The Clients module's side of <see cref="IClientDirectory"/>.</summary>
public sealed class ClientDirectory(ClientsDbContext db, IPracticeClock calendar, ClientAccessCopies copies, TenantContext tenantContext) : IClientDirectory
{
    /// <summary>Asked by most client pages for the heading: answered from this server's copy (<see cref="ClientAccessCopies"/>).</summary>
    public Task<ClientSummary?> FindAsync(Guid clientId, CancellationToken cancellationToken = default)
        => copies.ClientAsync(
            tenantContext.Tenant.Id,
            clientId,
            () => db.Clients.AsNoTracking().Where(c => c.Id == clientId).Select(c => new ClientSummary(c.Id, c.Name) { Province = c.Province }).SingleOrDefaultAsync(cancellationToken),
            cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, ClientSummary>> FindManyAsync(IEnumerable<Guid> clientIds, CancellationToken cancellationToken = default)
    {
        var ids = clientIds.Distinct().ToList();
        return ids.Count == 0
            ? new Dictionary<Guid, ClientSummary>()
            : await db.Clients.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new ClientSummary(c.Id, c.Name) { Province = c.Province }).ToDictionaryAsync(c => c.Id, cancellationToken);
    }

    public async Task<ClientSummary?> FindByReferenceAsync(string reference, CancellationToken cancellationToken = default)
    {
        reference = reference.Trim();
        var byExternalId = await db.Clients.AsNoTracking().Where(c => c.ExternalId == reference)
            .Select(c => new ClientSummary(c.Id, c.Name)).FirstOrDefaultAsync(cancellationToken);
        if (byExternalId is not null)
        {
            return byExternalId;
        }

        var name = Client.Normalize(reference);
        var byName = await db.Clients.AsNoTracking().Where(c => c.NormalizedName == name)
            .Select(c => new ClientSummary(c.Id, c.Name)).Take(2).ToListAsync(cancellationToken);
        return byName.Count == 1 ? byName[0] : null;
    }

    public async Task<IReadOnlyList<ClientPortalUser>> PortalUsersAsync(Guid clientId, CancellationToken cancellationToken = default)
        => (await PortalUsersOfManyAsync([clientId], cancellationToken)).GetValueOrDefault(clientId) ?? [];

    /// <summary>Users whose access is valid today; an archived client has none.</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<ClientPortalUser>>> PortalUsersOfManyAsync(IReadOnlyCollection<Guid> clientIds, CancellationToken cancellationToken = default)
    {
        var ids = clientIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyList<ClientPortalUser>>();
        }

        var today = await calendar.TodayAsync(cancellationToken);
        var query = from pc in db.PortalClients.AsNoTracking()
                    join c in db.Clients on pc.ClientId equals c.Id
                    join m in db.PortalMembers on pc.PortalId equals m.PortalId
                    where c.Status == ClientStatus.Active && (m.ExpiresOn == null || m.ExpiresOn >= today)
                    select new { pc.ClientId, m.UserId, m.Access };
        // One id stays an equality, so the one-client form keeps its plan.
        var single = ids[0];
        var members = await (ids.Count == 1 ? query.Where(m => m.ClientId == single) : query.Where(m => ids.Contains(m.ClientId))).ToListAsync(cancellationToken);
        return members.GroupBy(m => m.ClientId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<ClientPortalUser>)g.Select(m => new ClientPortalUser(m.UserId, m.Access == PortalAccess.Full ? ClientAccessLevel.Full : ClientAccessLevel.Contributor)).ToList());
    }
}
