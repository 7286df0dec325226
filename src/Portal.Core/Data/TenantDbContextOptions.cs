using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Events;
using Portal.Core.Tenancy;

namespace Portal.Core.Data;

/// <summary>
/// The options of each module's DbContext for each practice, built once and shared. EF's own
/// registration builds them again for every context in every request (a connection string, provider
/// extensions, an options comparison), which profiling showed as a large share of rendering a page.
/// Options are immutable, and these hold the root service provider (for EF's logging and caches),
/// never a request's. Kept per descriptor instance, so a practice changed in the registry (a new
/// descriptor) gets new options and the old ones go with the old descriptor.
/// </summary>
public sealed class TenantDbContextOptions(DatabaseLayout layout, IdlePracticeConnections connections, IServiceProvider root)
{
    private readonly ConditionalWeakTable<TenantDescriptor, ConcurrentDictionary<Type, DbContextOptions>> _byTenant = [];

    public DbContextOptions<TContext> For<TContext>(TenantDescriptor tenant, string historyTable)
        where TContext : DbContext
        => (DbContextOptions<TContext>)_byTenant
            .GetValue(tenant, _ => new ConcurrentDictionary<Type, DbContextOptions>())
            .GetOrAdd(typeof(TContext), _ => Build<TContext>(tenant, historyTable));

    private DbContextOptions<TContext> Build<TContext>(TenantDescriptor tenant, string historyTable)
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>().UseApplicationServiceProvider(root);
        layout.ConfigureTenant(builder, tenant, historyTable);

        // One instance for every context and practice: it keeps no state of its own.
        builder.AddInterceptors(root.GetRequiredService<DomainEventDispatchTrigger>());
        if (layout.Provider == DatabaseProvider.Sqlite)
        {
            builder.AddInterceptors(connections.UseOf(tenant));
        }

        return builder.Options;
    }
}
