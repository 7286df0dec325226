using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Core.Data;
using Portal.Core.Tenancy;

namespace Portal.Core.Health;

/// <summary>
/// Readiness: the host store answers, and so does the practices' storage (every running practice's
/// SQLite file is present, or the PostgreSQL server that holds their schemas answers).
/// </summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<HostDbContext> hostDb, TenantRegistry registry, DatabaseLayout layout) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await hostDb.CreateDbContextAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The host store does not answer.");
            }

            var running = registry.Running.ToList();
            if (layout.Provider == DatabaseProvider.Sqlite)
            {
                var missing = 0;
                foreach (var tenant in running)
                {
                    if (!await layout.TenantDatabaseExistsAsync(tenant, cancellationToken))
                    {
                        missing++;
                    }
                }

                return missing == 0
                    ? HealthCheckResult.Healthy($"Host store and {running.Count} practice databases reachable.")
                    : HealthCheckResult.Unhealthy($"{missing} practice databases are missing.");
            }

            // On PostgreSQL the practices share the host's server: one answer covers them all.
            return HealthCheckResult.Healthy($"Database server reachable ({running.Count} practices).");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("A database does not answer.", ex);
        }
    }
}
