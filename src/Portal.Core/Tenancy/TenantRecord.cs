namespace Portal.Core.Tenancy;

/// <summary>A practice's row in the host registry.</summary>
public sealed class TenantRecord
{
    public Guid Id { get; set; }

    /// <summary>The portal address; never changes once created.</summary>
    public string Name { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public TenantState State { get; set; }

    public string AdminEmail { get; set; } = "";

    public string? SetupRecipe { get; set; }

    public string? DatabaseSchema { get; set; }

    /// <summary>Enabled feature ids, newline-separated and sorted, so the row diffs cleanly.</summary>
    public string EnabledFeatures { get; set; } = "";

    /// <summary>A hash of the migrations applied to the practice's database; compared at start to skip
    /// practices that are already current.</summary>
    public string? SchemaStamp { get; set; }

    public long Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<TenantHostName> HostNames { get; set; } = [];

    public IReadOnlyList<string> GetEnabledFeatures()
        => EnabledFeatures.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public void SetEnabledFeatures(IEnumerable<string> features)
        => EnabledFeatures = string.Join('\n', features.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    public TenantDescriptor ToDescriptor()
        => new(Name, DisplayName, State, HostNames.OrderBy(h => h.Id).Select(h => h.HostName), GetEnabledFeatures(), Version, DatabaseSchema, Id);
}
