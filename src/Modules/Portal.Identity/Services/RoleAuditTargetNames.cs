using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Identity.Data;

namespace Portal.Identity.Services;

/// <summary>Roles' current names for the audit trail; a deleted role has none (the event's details name it).</summary>
internal sealed class RoleAuditTargetNames(UsersDbContext db) : IAuditTargetNames
{
    public string TargetType => AuditTargetTypes.Role;

    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> targetIds, CancellationToken cancellationToken = default)
    {
        var ids = AuditTargetIds.Guids(targetIds);
        return ids.Count == 0
            ? new Dictionary<string, string>()
            : AuditTargetIds.ByText(await db.Roles.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.DisplayName, cancellationToken));
    }
}
