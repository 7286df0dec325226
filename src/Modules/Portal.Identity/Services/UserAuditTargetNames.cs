using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Identity.Data;

namespace Portal.Identity.Services;

/// <summary>Users' current display names for the audit trail (targets and actors alike).</summary>
internal sealed class UserAuditTargetNames(UsersDbContext db) : IAuditTargetNames
{
    public string TargetType => AuditTargetTypes.User;

    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> targetIds, CancellationToken cancellationToken = default)
    {
        var ids = AuditTargetIds.Guids(targetIds);
        return ids.Count == 0
            ? new Dictionary<string, string>()
            : AuditTargetIds.ByText(await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken));
    }
}
