namespace Portal.Core.Modules;

/// <summary>Endpoint metadata: answers only when the practice has this feature on (otherwise 404).</summary>
public sealed record FeatureMetadata(string FeatureId);

/// <summary>Endpoint metadata: answers only on a practice's site.</summary>
public sealed class TenantOnlyMetadata
{
    public static readonly TenantOnlyMetadata Instance = new();

    private TenantOnlyMetadata()
    {
    }
}

/// <summary>Endpoint metadata: answers only on the platform's own site (host admin).</summary>
public sealed class HostOnlyMetadata
{
    public static readonly HostOnlyMetadata Instance = new();

    private HostOnlyMetadata()
    {
    }
}
