using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Core.Data;
using Portal.Core.Tenancy;

namespace Portal.Core;

/// <summary>
/// Runs before the server accepts requests (IHostedLifecycleService.StartingAsync): creates and
/// migrates the host store, loads the practice registry, brings each practice's database up to the
/// current migrations (skipping those whose stamp is current), then runs the start-up tasks in order
/// of <see cref="IPortalStartupTask.Order"/>, those with the same order side by side.
/// </summary>
public sealed class PortalInitializer(
    IServiceScopeFactory scopes,
    DatabaseLayout layout,
    IEnumerable<HostDbContextRegistration> hostContexts,
    TenantRegistry registry,
    TenantMigrator migrator,
    TenantStore store,
    TenantSetupService setup,
    Modules.ModuleCatalog catalog,
    TimeProvider clock,
    IEnumerable<IPortalStartupTask> tasks,
    ILogger<PortalInitializer> logger) : IHostedLifecycleService
{
    /// <summary>A setup takes seconds; one still Initializing after this long was interrupted.</summary>
    public static readonly TimeSpan AbandonedSetupAge = TimeSpan.FromMinutes(10);

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        if (logger.IsEnabled(LogLevel.Debug))
        {
            using var process = Process.GetCurrentProcess();
            logger.LogDebug("Start-up: the host was built {ElapsedMs:F0} ms after the process started", (DateTime.Now - process.StartTime).TotalMilliseconds);
        }

        await layout.EnsureHostStoreAsync(cancellationToken);
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<HostDbContext>().MigrateAsync(cancellationToken);
            foreach (var registration in hostContexts)
            {
                var db = (DbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
                await db.MigrateAsync(cancellationToken);
            }
        }

        logger.LogDebug("Start-up: host store migrated in {ElapsedMs:F0} ms", Stopwatch.GetElapsedTime(started).TotalMilliseconds);

        var stage = Stopwatch.GetTimestamp();
        await registry.ReloadAsync(cancellationToken);
        await setup.RollBackAbandonedAsync(AbandonedSetupAge, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await MigratePracticesAsync(cancellationToken);
        await EnableAlwaysOnFeaturesAsync(cancellationToken);
        logger.LogDebug("Start-up: practices checked in {ElapsedMs:F0} ms", Stopwatch.GetElapsedTime(stage).TotalMilliseconds);

        foreach (var group in tasks.GroupBy(t => t.Order).OrderBy(g => g.Key))
        {
            await Task.WhenAll(group.Select(task => RunTaskAsync(task, cancellationToken)));
        }

        logger.LogInformation("Start-up work done in {ElapsedMs:F0} ms", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        logger.LogDebug(
            "Start-up: {Methods} methods compiled by the JIT so far, in {JitMs:F0} ms",
            System.Runtime.JitInfo.GetCompiledMethodCount(),
            System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds);
    }

    private async Task RunTaskAsync(IPortalStartupTask task, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await task.RunAsync(cancellationToken);
        logger.LogDebug("Start-up: {Task} ran in {ElapsedMs:F0} ms", task.GetType().Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private async Task MigratePracticesAsync(CancellationToken cancellationToken)
    {
        var practices = registry.Current.ByName.Values.Where(t => t.State is TenantState.Running or TenantState.Disabled).ToList();
        if (practices.Count == 0)
        {
            // Nothing to compare: the stamp builds every module's context, which a first start
            // (nothing to migrate yet) would otherwise do twice.
            return;
        }

        // One query for every practice's stamp: a start with a thousand current practices must not
        // cost a thousand round trips.
        var stamp = migrator.CurrentStamp();
        var stale = await store.NamesWithStaleSchemaAsync(stamp, cancellationToken);
        foreach (var tenant in practices.Where(t => stale.Contains(t.Name)))
        {
            logger.LogInformation("Migrating practice {Tenant}", tenant.Name);
            await migrator.MigrateAsync(tenant, cancellationToken);
            await store.SetSchemaStampAsync(tenant.Name, stamp, cancellationToken);
        }
    }

    /// <summary>
    /// A feature that is always on (plans and usage, say) reaches the practices created before it existed:
    /// setup switches on only the always-on features of its day. Only practices that lack one are written.
    /// </summary>
    private async Task EnableAlwaysOnFeaturesAsync(CancellationToken cancellationToken)
    {
        var alwaysOn = catalog.Features.AlwaysOn;
        var lacking = registry.Current.ByName.Values
            .Where(t => t.State is TenantState.Running or TenantState.Disabled && !alwaysOn.IsSubsetOf(t.EnabledFeatures))
            .ToList();
        foreach (var tenant in lacking)
        {
            logger.LogInformation("Switching on the always-on features {Features} for practice {Tenant}", string.Join(", ", alwaysOn.Except(tenant.EnabledFeatures)), tenant.Name);
            await store.SetEnabledFeaturesAsync(tenant.Name, catalog.Features.Expand(tenant.EnabledFeatures.Concat(alwaysOn)), cancellationToken);
        }

        if (lacking.Count > 0)
        {
            await registry.ReloadAsync(cancellationToken);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
