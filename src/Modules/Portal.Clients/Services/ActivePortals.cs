using Microsoft.EntityFrameworkCore;
using Portal.Clients.Data;
using Portal.Clients.Models;
using Portal.Core.Tenancy;
using Portal.Core.Time;

namespace Portal.Clients.Services;

/// <summary>
/// The portals a client user may use today, by name, from this server's copy
/// (<see cref="ClientAccessCopies"/>). Kept apart from <see cref="PortalMemberships"/>, whose
/// administration needs the user directory: every client page asks this, and should not build that.
/// </summary>
public sealed class ActivePortals(ClientsDbContext db, IPracticeClock calendar, ClientAccessCopies copies, TenantContext tenantContext)
{
    public async Task<IReadOnlyList<ActivePortal>> ForUserAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var today = await calendar.TodayAsync(cancellationToken);
        return await copies.PortalsOfAsync(tenantContext.Tenant.Id, userId, today, () => LoadAsync(userId, today, cancellationToken), cancellationToken);
    }

    private async Task<IReadOnlyList<ActivePortal>> LoadAsync(Guid userId, DateOnly today, CancellationToken cancellationToken)
        => await (from m in db.PortalMembers.AsNoTracking()
                  join p in db.Portals on m.PortalId equals p.Id
                  where m.UserId == userId && (m.ExpiresOn == null || m.ExpiresOn >= today)
                  orderby p.NormalizedName
                  select new ActivePortal(p.Id, p.Name, m.Access, m.ExpiresOn)).ToListAsync(cancellationToken);
}
