namespace Portal.Core.Tenancy;

/// <summary>
/// The practice a unit of work (a request, a job) acts for. Scoped: set once by the resolution
/// middleware or by <see cref="TenantScopeFactory"/>, read by everything that touches practice data.
/// </summary>
public sealed class TenantContext
{
    private TenantDescriptor? _tenant;

    public TenantDescriptor? Current => _tenant;

    public bool HasTenant => _tenant is not null;

    /// <summary>The current practice; throws when none is set, so practice data is never read without one.</summary>
    public TenantDescriptor Tenant => _tenant ?? throw new InvalidOperationException("No practice is selected for this unit of work.");

    public void Set(TenantDescriptor tenant)
    {
        if (_tenant is not null && _tenant.Name != tenant.Name)
        {
            throw new InvalidOperationException("A unit of work cannot switch practices.");
        }

        _tenant = tenant;
    }
}
