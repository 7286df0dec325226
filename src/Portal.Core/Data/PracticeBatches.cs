using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Tenancy;

namespace Portal.Core.Data;

/// <summary>
/// Runs a batch of writes for the current practice in a unit of work of its own whose practice contexts
/// share one transaction (<see cref="PracticeBatch"/>). A unit of work of its own because the request's
/// contexts were made before the batch began (the endpoint's services take them); the batch's are all
/// made inside it. It acts for the same request: the actor, the practice and the request's cancellation.
/// </summary>
public sealed class PracticeBatches(IServiceScopeFactory scopes, TenantContext tenant)
{
    public async Task<TResult> RunAsync<TService, TResult>(Func<TService, Task<TResult>> work, CancellationToken cancellationToken)
        where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<TenantContext>().Set(tenant.Tenant);
        var batch = services.GetRequiredService<PracticeBatch>();
        try
        {
            await batch.BeginAsync(services.GetRequiredService<CoreTenantDbContext>(), cancellationToken);
            var result = await work(services.GetRequiredService<TService>());
            await batch.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            // Before the scope returns the owner context to its pool: an open transaction is rolled back first.
            await batch.EndAsync();
        }
    }
}
