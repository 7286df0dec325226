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

    /// <summary>Users whose access is valid today; an archived client has none.</summary>
    public async Task<IReadOnlyList<ClientPortalUser>> PortalUsersAsync(Guid clientId, CancellationToken cancellationToken = default)
    {
        var today = await calendar.TodayAsync(cancellationToken);
        var members = await (from pc in db.PortalClients.AsNoTracking()
                             join c in db.Clients on pc.ClientId equals c.Id
                             join m in db.PortalMembers on pc.PortalId equals m.PortalId
                             where pc.ClientId == clientId && c.Status == ClientStatus.Active && (m.ExpiresOn == null || m.ExpiresOn >= today)
                             select new { m.UserId, m.Access }).ToListAsync(cancellationToken);
        return members.Select(m => new ClientPortalUser(m.UserId, m.Access == PortalAccess.Full ? ClientAccessLevel.Full : ClientAccessLevel.Contributor)).ToList();
    }
}
