namespace Portal.Core.Tenancy;

/// <summary>HttpContext feature carrying the resolved practice (used by routing before scoped services).</summary>
public interface ITenantFeature
{
    TenantDescriptor Tenant { get; }
}

internal sealed record TenantFeature(TenantDescriptor Tenant) : ITenantFeature;
