using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Tenancy;

/// <summary>Creates a unit of work for a practice outside a web request (jobs, setup, start-up).</summary>
public sealed class TenantScopeFactory(IServiceScopeFactory scopes)
{
    public AsyncServiceScope CreateScope(TenantDescriptor tenant)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        return scope;
    }
}
