using Microsoft.EntityFrameworkCore;
using Portal.Clients.Data;
using Portal.Core.Contracts;

namespace Portal.Clients.Services;

/// <summary>Portals' current names for the audit trail; a deleted portal has none (the event's details name it).</summary>
internal sealed class PortalAuditTargetNames(ClientsDbContext db) : RowAuditTargetNames
{
    public override string TargetType => AuditTargetTypes.Portal;

    protected override Task<Dictionary<Guid, string>> NamesOfAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
        => db.Portals.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
}
