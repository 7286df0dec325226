using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Identity.Data;

namespace Portal.Identity.Services;

/// <summary>Users' current display names for the audit trail (targets and actors alike).</summary>
internal sealed class UserAuditTargetNames(UsersDbContext db) : RowAuditTargetNames
{
    public override string TargetType => AuditTargetTypes.User;

    protected override Task<Dictionary<Guid, string>> NamesOfAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
        => db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
}
