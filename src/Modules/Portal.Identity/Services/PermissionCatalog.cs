using Portal.Core.Security;
using Portal.Core.Tenancy;

namespace Portal.Identity.Services;

/// <summary>Every permission the modules declare, and the default permissions of a role name.</summary>
public sealed class PermissionCatalog(IEnumerable<IPermissionProvider> providers)
{
    private readonly IReadOnlyList<IPermissionProvider> _providers = providers.ToList();

    public IReadOnlyList<Permission> All => _providers.SelectMany(p => p.GetPermissions()).DistinctBy(p => p.Name).ToList();

    /// <summary>Permissions of the features the practice has on, grouped for the role editor.</summary>
    public IReadOnlyList<Permission> ForTenant(TenantDescriptor tenant)
        => _providers.Where(p => tenant.IsFeatureEnabled(p.Feature)).SelectMany(p => p.GetPermissions()).DistinctBy(p => p.Name).ToList();

    public bool Exists(string name) => All.Any(p => p.Name == name);

    public IReadOnlyList<string> DefaultsFor(string roleName)
        => _providers
            .SelectMany(p => p.GetDefaultStereotypes())
            .Where(s => string.Equals(s.RoleName, roleName, StringComparison.OrdinalIgnoreCase))
            .SelectMany(s => s.Permissions.Select(p => p.Name))
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
