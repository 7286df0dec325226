using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core.Tenancy;

namespace Portal.Core.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers a module's DbContext over the current practice's database. The context can only be
    /// created inside a unit of work that has a practice (<see cref="TenantContext"/>), which is what
    /// keeps one practice's request away from another practice's rows. Each module keeps its own
    /// migrations history table, so modules migrate independently and never share tables.
    /// </summary>
    public static IServiceCollection AddTenantDbContext<TContext>(this IServiceCollection services, string historyTable)
        where TContext : DbContext
    {
        services.TryAddSingleton<TenantDbContextOptions>();
        services.TryAddScoped<PracticeBatch>();
        services.TryAddScoped<PracticeBatches>();
        services.AddDbContext<TContext>();

        // Replaces the options AddDbContext would build per context (the practice's, built once) and
        // the context itself: one from the practice's pool, returned when the scope disposes it; in a
        // unit of work with an open batch, it joins the batch's transaction until the batch ends.
        services.Replace(ServiceDescriptor.Scoped(provider =>
            provider.GetRequiredService<TenantDbContextOptions>().For<TContext>(provider.GetRequiredService<TenantContext>().Tenant, historyTable)));
        services.Replace(ServiceDescriptor.Scoped(provider =>
        {
            var context = provider.GetRequiredService<TenantDbContextOptions>().Rent<TContext>(provider.GetRequiredService<TenantContext>().Tenant, historyTable);
            var batch = provider.GetRequiredService<PracticeBatch>();
            return batch.IsOpen ? batch.Join(context) : context;
        }));
        services.AddSingleton(new TenantDbContextRegistration(typeof(TContext), historyTable));
        return services;
    }

    /// <summary>
    /// Declares that servers keep copies of these entities' rows under <paramref name="area"/>'s data
    /// version: every committed write to their tables through <typeparamref name="TContext"/> bumps it
    /// (<see cref="PracticeDataArea"/>).
    /// </summary>
    public static IServiceCollection AddPracticeDataArea<TContext>(this IServiceCollection services, string area, params Type[] entityTypes)
        where TContext : DbContext
    {
        services.AddSingleton(new PracticeDataArea(typeof(TContext), area, entityTypes));
        return services;
    }

    /// <summary>
    /// Declares entities whose writes do not grow the practice's stamp (<see cref="Contracts.IPracticeDataVersions.StampAsync"/>):
    /// rows written so often that retiring every copy of the practice's pages with them would leave no
    /// copy worth keeping, and that no page keeping copies shows. A change to them that must end
    /// something (ending sessions) bumps its own area explicitly.
    /// </summary>
    public static IServiceCollection AddPracticeDataOutsidePages<TContext>(this IServiceCollection services, params Type[] entityTypes)
        where TContext : DbContext
        => services.AddPracticeDataArea<TContext>(PracticeDataArea.OutsidePages, entityTypes);
}
