using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Portal.Core.Tenancy;

namespace Portal.Core.Data;

/// <summary>
/// Keeps this server's copies of host-store state (<see cref="IHostChangeFeed"/>: the practice
/// registry, settings versions) current when another server changes them: one PostgreSQL connection
/// LISTENs on every feed's channel for an immediate refresh, and a cheap poll every
/// <see cref="TenancyOptions.RegistryPollInterval"/> is the fallback (and the only way on SQLite).
/// </summary>
internal sealed class HostChangeListener(
    IEnumerable<IHostChangeFeed> feeds,
    IOptions<TenancyOptions> tenancy,
    IOptions<DatabaseOptions> database,
    TimeProvider clock,
    ILogger<HostChangeListener> logger) : BackgroundService
{
    private readonly IReadOnlyList<IHostChangeFeed> _feeds = feeds.ToList();

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
            }
            catch (OperationCanceledException)
            {
                return;
            }

            foreach (var feed in _feeds)
            {
                try
                {
                    await feed.RefreshIfStaleAsync(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    logger.LogWarning(ex, "Polling the host store for {Channel} changes failed; retrying", feed.Channel);
                }
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var byChannel = _feeds.ToDictionary(f => f.Channel, StringComparer.Ordinal);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(database.Value.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (byChannel.TryGetValue(e.Channel, out var feed))
                    {
                        _ = NotifyQuietlyAsync(feed, e.Payload, stoppingToken);
                    }
                };
                foreach (var channel in byChannel.Keys)
                {
                    await using var listen = new NpgsqlCommand($"LISTEN {channel}", connection);
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
                logger.LogWarning(ex, "Listening for host-store changes failed; reconnecting in 5 s (polling continues)");
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

    private async Task NotifyQuietlyAsync(IHostChangeFeed feed, string payload, CancellationToken cancellationToken)
    {
        try
        {
            await feed.OnNotifiedAsync(payload, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Refreshing after a {Channel} notification failed (polling will catch up)", feed.Channel);
        }
    }
}
