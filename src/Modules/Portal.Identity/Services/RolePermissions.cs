using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Portal.Core.Tenancy;
using Portal.Identity.Data;
using Portal.Identity.Models;

namespace Portal.Identity.Services;

/// <summary>
/// The permissions each role holds, cached per practice and practice version (changing a role's
/// permissions bumps the version, so every server sees the change on the next request).
/// </summary>
public sealed class RolePermissions(UsersDbContext db, TenantContext tenantContext, IMemoryCache cache)
{
    public async Task<IReadOnlySet<string>> ForRolesAsync(IEnumerable<string> roleNames, CancellationToken cancellationToken = default)
    {
        var all = await AllAsync(cancellationToken);
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var role in roleNames)
        {
            if (all.TryGetValue(role, out var permissions))
            {
                result.UnionWith(permissions);
            }
        }

        return result;
    }

    private async Task<IReadOnlyDictionary<string, string[]>> AllAsync(CancellationToken cancellationToken)
    {
        var tenant = tenantContext.Tenant;
        var key = $"role-permissions:{tenant.Name}:{tenant.Version}";
        if (cache.TryGetValue(key, out IReadOnlyDictionary<string, string[]>? cached) && cached is not null)
        {
            return cached;
        }

        var rows = await db.RoleClaims
            .Where(c => c.ClaimType == PortalClaimTypes.Permission)
            .Join(db.Roles, c => c.RoleId, r => r.Id, (c, r) => new { Role = r.Name!, Permission = c.ClaimValue! })
            .ToListAsync(cancellationToken);
        var map = rows.GroupBy(r => r.Role, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Permission).ToArray(), StringComparer.OrdinalIgnoreCase);
        cache.Set(key, (IReadOnlyDictionary<string, string[]>)map, TimeSpan.FromMinutes(30));
        return map;
    }
}
