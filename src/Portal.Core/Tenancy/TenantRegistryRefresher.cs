using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Portal.Core.Data;

namespace Portal.Core.Tenancy;

/// <summary>
/// Keeps this server's registry current when another server changes a practice: LISTEN on
/// PostgreSQL for an immediate reload, and a cheap poll as the fallback (and the only way on SQLite).
/// </summary>
public sealed class TenantRegistryRefresher(
    TenantRegistry registry,
    IOptions<TenancyOptions> tenancy,
    IOptions<DatabaseOptions> database,
    TimeProvider clock,
    ILogger<TenantRegistryRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listener = database.Value.Provider == DatabaseProvider.Postgres
            ? ListenAsync(stoppingToken)
            : Task.CompletedTask;
        await Task.WhenAll(listener, PollAsync(stoppingToken));
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(tenancy.Value.RegistryPollInterval, clock, stoppingToken);
                if (await registry.IsStaleAsync(stoppingToken))
                {
                    await registry.ReloadAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Polling the practice registry failed; retrying");
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(database.Value.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => _ = ReloadQuietlyAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresTenantChangeSignal.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Listening for practice changes failed; reconnecting in 5 s (polling continues)");
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task ReloadQuietlyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await registry.ReloadAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Reloading the practice registry after a notification failed");
        }
    }
}
