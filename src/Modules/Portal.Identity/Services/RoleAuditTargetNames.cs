using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Identity.Data;

namespace Portal.Identity.Services;

/// <summary>Roles' current names for the audit trail; a deleted role has none (the event's details name it).</summary>
internal sealed class RoleAuditTargetNames(UsersDbContext db) : RowAuditTargetNames
{
    public override string TargetType => AuditTargetTypes.Role;

    protected override Task<Dictionary<Guid, string>> NamesOfAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
        => db.Roles.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.DisplayName, cancellationToken);
}
