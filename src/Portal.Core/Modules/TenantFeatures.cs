using Portal.Core.Tenancy;

namespace Portal.Core.Modules;

/// <summary>Switches features on and off for the current practice, keeping the dependency rules.</summary>
public sealed class TenantFeatures(ModuleCatalog catalog, TenantContext tenantContext, TenantStore store, TenantRegistry registry)
{
    public IReadOnlySet<string> Enabled => (registry.Find(tenantContext.Tenant.Name) ?? tenantContext.Tenant).EnabledFeatures;

    /// <summary>Enables the feature and everything it depends on; returns the features newly switched on.</summary>
    public async Task<FeatureChange> EnableAsync(IEnumerable<string> featureIds, CancellationToken cancellationToken)
    {
        var ids = featureIds.ToList();
        var unknown = ids.FirstOrDefault(id => !catalog.Features.Contains(id));
        if (unknown is not null)
        {
            return FeatureChange.Refused($"There is no feature \"{unknown}\".");
        }

        var current = Enabled;
        var wanted = catalog.Features.Expand(ids.Concat(current).Concat(catalog.Features.AlwaysOn));
        var added = catalog.Features.Ordered.Where(f => wanted.Contains(f.Id) && !current.Contains(f.Id)).ToList();
        if (added.Count > 0)
        {
            await store.SetEnabledFeaturesAsync(tenantContext.Tenant.Name, wanted, cancellationToken);
        }

        return FeatureChange.Done(added);
    }

    /// <summary>Disables the feature, refusing while an enabled feature depends on it or when it is always on.</summary>
    public async Task<FeatureChange> DisableAsync(string featureId, CancellationToken cancellationToken)
    {
        var feature = catalog.Features.Find(featureId);
        if (feature is null)
        {
            return FeatureChange.Refused($"There is no feature \"{featureId}\".");
        }

        if (catalog.Features.AlwaysOn.Contains(featureId))
        {
            return FeatureChange.Refused($"{feature.Name} is always on.");
        }

        var current = Enabled;
        if (!current.Contains(featureId))
        {
            return FeatureChange.Done([]);
        }

        var dependents = catalog.Features.EnabledDependents(featureId, current);
        if (dependents.Count > 0)
        {
            return FeatureChange.Refused(
                $"{feature.Name} cannot be disabled while {string.Join(", ", dependents.Select(d => d.Name))} {(dependents.Count == 1 ? "depends" : "depend")} on it. Disable {(dependents.Count == 1 ? "it" : "them")} first.");
        }

        await store.SetEnabledFeaturesAsync(tenantContext.Tenant.Name, current.Where(id => id != featureId), cancellationToken);
        return FeatureChange.Done([feature]);
    }
}

public sealed record FeatureChange(bool Succeeded, IReadOnlyList<FeatureDescriptor> Changed, string? Error)
{
    public static FeatureChange Done(IReadOnlyList<FeatureDescriptor> changed) => new(true, changed, null);

    public static FeatureChange Refused(string error) => new(false, [], error);
}
