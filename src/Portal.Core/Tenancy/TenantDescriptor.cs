using System.Collections.Frozen;

namespace Portal.Core.Tenancy;

/// <summary>
/// An immutable snapshot of one practice's registry entry, safe to share between requests.
/// A change to the practice produces a new descriptor with a higher <see cref="Version"/>.
/// </summary>
public sealed class TenantDescriptor
{
    public TenantDescriptor(
        string name,
        string displayName,
        TenantState state,
        IEnumerable<string> hostNames,
        IEnumerable<string> enabledFeatures,
        long version,
        string? databaseSchema,
        Guid id = default)
    {
        Id = id;
        Name = name;
        DisplayName = displayName;
        State = state;
        HostNames = hostNames.ToArray();
        EnabledFeatures = enabledFeatures.ToFrozenSet(StringComparer.Ordinal);
        Version = version;
        DatabaseSchema = databaseSchema;
    }

    /// <summary>The registry row's id: unlike the name, never used again by a later practice (a
    /// setup rolled back frees its name), so caches that must not outlive the practice key on it.</summary>
    public Guid Id { get; }

    public string Name { get; }

    public string DisplayName { get; }

    public TenantState State { get; }

    /// <summary>Custom host names (besides <c>{name}.{base domain}</c>), lower case, without port, oldest
    /// first; the first is the practice's primary address in links.</summary>
    public IReadOnlyList<string> HostNames { get; }

    public FrozenSet<string> EnabledFeatures { get; }

    /// <summary>Bumped by every change to the practice's configuration; part of every tenant cache key.</summary>
    public long Version { get; }

    /// <summary>The PostgreSQL schema that holds this practice's tables (unused on SQLite).</summary>
    public string? DatabaseSchema { get; }

    public bool IsFeatureEnabled(string featureId) => EnabledFeatures.Contains(featureId);

    public override string ToString() => Name;
}
