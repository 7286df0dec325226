using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Contracts;
using Portal.Core.Events;
using Portal.Core.Tenancy;

namespace Portal.Core.Data;

/// <summary>
/// The options of each module's DbContext for each practice, built once and shared. EF's own
/// registration builds them again for every context in every request (a connection string, provider
/// extensions, an options comparison), which profiling showed as a large share of rendering a page.
/// Options are immutable, and hold the application's logger factory, never a request's services.
/// Kept per descriptor instance, so a practice changed in the registry (a new
/// descriptor) gets new options and the old ones go with the old descriptor.
/// </summary>
public sealed class TenantDbContextOptions(DatabaseLayout layout, IdlePracticeConnections connections, IOptions<DatabaseOptions> database, TimeProvider clock, IServiceProvider root)
{
    private readonly ConditionalWeakTable<TenantDescriptor, ConcurrentDictionary<Type, DbContextOptions>> _byTenant = [];
    private readonly ConditionalWeakTable<TenantDescriptor, PracticeDataChangeTracker> _trackers = [];
    private readonly ConcurrentDictionary<TenantDescriptor, PracticePools> _pools = new(ReferenceEqualityComparer.Instance);
    private long _lastSweep;
    private readonly ILookup<Type, PracticeDataArea> _areas = root.GetServices<PracticeDataArea>().ToLookup(a => a.ContextType);

    public DbContextOptions<TContext> For<TContext>(TenantDescriptor tenant, string historyTable)
        where TContext : DbContext
        => (DbContextOptions<TContext>)_byTenant
            .GetValue(tenant, _ => new ConcurrentDictionary<Type, DbContextOptions>())
            .GetOrAdd(typeof(TContext), _ => Build<TContext>(tenant, historyTable));

    /// <summary>
    /// A context of the practice from its pool (returned to it when disposed). A new context sets up
    /// its own internal services on first use, a large share of a page that runs two or three small
    /// queries; a pooled one keeps them and is only reset. Each practice keeps at most
    /// <see cref="PoolSize"/> idle contexts of each type it has used, and its pools go once it has
    /// been idle for <see cref="DatabaseOptions.IdleConnectionLifetime"/>: the per-practice jobs visit
    /// every practice, and a thousand practices' pools would otherwise stay in memory for good.
    /// </summary>
    public TContext Rent<TContext>(TenantDescriptor tenant, string historyTable)
        where TContext : DbContext
    {
        var now = clock.GetUtcNow().UtcTicks;
        var pools = _pools.GetOrAdd(tenant, _ => new PracticePools());
        pools.LastUse = now;
        SweepIdle(now);
        return ((PooledDbContextFactory<TContext>)pools.Factories
            .GetOrAdd(typeof(TContext), _ => new PooledDbContextFactory<TContext>(For<TContext>(tenant, historyTable), PoolSize)))
            .CreateDbContext();
    }

    public const int PoolSize = 16;

    /// <summary>Practices whose contexts are pooled now.</summary>
    public int PooledPractices => _pools.Count;

    private void SweepIdle(long now)
    {
        var last = Interlocked.Read(ref _lastSweep);
        var lifetime = database.Value.IdleConnectionLifetime;
        if (TimeSpan.FromTicks(now - last) < lifetime / 3 || Interlocked.CompareExchange(ref _lastSweep, now, last) != last)
        {
            return;
        }

        foreach (var (tenant, pools) in _pools)
        {
            // A context rented from a dropped pool is simply not returned to it; the next rent starts a new pool.
            if (TimeSpan.FromTicks(now - Interlocked.Read(ref pools.LastUse)) >= lifetime)
            {
                _pools.TryRemove(new KeyValuePair<TenantDescriptor, PracticePools>(tenant, pools));
            }
        }
    }

    private sealed class PracticePools
    {
        public readonly ConcurrentDictionary<Type, object> Factories = new();

        public long LastUse;
    }

    private static readonly AfterCommit AfterCommitWork = new();

    private DbContextOptions<TContext> Build<TContext>(TenantDescriptor tenant, string historyTable)
        where TContext : DbContext
    {
        // The application's logger factory, not the application service provider: with a provider set,
        // EF copies the options on every context construction to take it out of its cache key.
        var builder = new DbContextOptionsBuilder<TContext>().UseLoggerFactory(root.GetRequiredService<ILoggerFactory>());
        layout.ConfigureTenant(builder, tenant, historyTable);

        // One instance for every context and practice: it keeps no state of its own.
        builder.AddInterceptors(root.GetRequiredService<DomainEventDispatchTrigger>(), AfterCommitWork);
        builder.AddInterceptors(_trackers.GetValue(tenant, t => new PracticeDataChangeTracker(t.Id, _areas, root.GetRequiredService<IPracticeDataVersions>())));
        if (layout.Provider == DatabaseProvider.Sqlite)
        {
            builder.AddInterceptors(connections.UseOf(tenant));
        }

        return builder.Options;
    }
}
