using System.Collections.Frozen;

namespace Portal.Core.Tenancy;

/// <summary>All practices as of one read of the registry, indexed for resolution.</summary>
public sealed class TenantRegistrySnapshot
{
    public static readonly TenantRegistrySnapshot Empty = new([], DateTime.MinValue, 0);

    public TenantRegistrySnapshot(IReadOnlyCollection<TenantDescriptor> tenants, DateTime stamp, int count)
    {
        ByName = tenants.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);
        ByHostName = tenants
            .SelectMany(t => t.HostNames.Select(h => (Host: h, Tenant: t)))
            .ToFrozenDictionary(p => p.Host, p => p.Tenant, StringComparer.OrdinalIgnoreCase);
        Stamp = stamp;
        Count = count;
    }

    public FrozenDictionary<string, TenantDescriptor> ByName { get; }

    /// <summary>Custom host names only; <c>{name}.{base domain}</c> is derived, not stored.</summary>
    public FrozenDictionary<string, TenantDescriptor> ByHostName { get; }

    /// <summary>The newest UpdatedAt when this snapshot was read; compared by the poller.</summary>
    public DateTime Stamp { get; }

    public int Count { get; }
}
