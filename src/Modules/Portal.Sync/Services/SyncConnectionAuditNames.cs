using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Sync.Data;

namespace Portal.Sync.Services;

/// <summary>A connection is named by the device it was approved for.</summary>
internal sealed class SyncConnectionAuditNames(SyncDbContext db) : RowAuditTargetNames
{
    public override string TargetType => SyncAuditTargets.Connection;

    protected override Task<Dictionary<Guid, string>> NamesOfAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
        => db.Connections.AsNoTracking().Where(c => ids.Contains(c.AuthorizationId)).ToDictionaryAsync(c => c.AuthorizationId, c => c.DeviceName, cancellationToken);
}
