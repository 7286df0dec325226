using Microsoft.EntityFrameworkCore;
using Portal.Clients.Data;
using Portal.Core.Contracts;

namespace Portal.Clients.Services;

/// <summary>Portals' current names for the audit trail; a deleted portal has none (the event's details name it).</summary>
internal sealed class PortalAuditTargetNames(ClientsDbContext db) : IAuditTargetNames
{
    public string TargetType => AuditTargetTypes.Portal;

    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> targetIds, CancellationToken cancellationToken = default)
    {
        var ids = AuditTargetIds.Guids(targetIds);
        return ids.Count == 0
            ? new Dictionary<string, string>()
            : AuditTargetIds.ByText(await db.Portals.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken));
    }
}
