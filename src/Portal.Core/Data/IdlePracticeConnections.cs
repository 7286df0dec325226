using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Portal.Core.Tenancy;

namespace Portal.Core.Data;

/// <summary>
/// SQLite: closes the pooled connections of practices nobody used for
/// <see cref="DatabaseOptions.IdleConnectionLifetime"/>. Each practice has its own database file and
/// so its own pool, and an open connection holds its schema, page cache and WAL index (about 250 KiB
/// measured with a thousand practices); Microsoft.Data.Sqlite keeps an idle one for two to eight
/// minutes, and the per-practice recurring jobs open every practice's database more often than that,
/// so without this every practice stays open. PostgreSQL practices share one pool
/// (<see cref="PracticeSearchPathInterceptor"/>) and need nothing here.
/// </summary>
public sealed class IdlePracticeConnections(DatabaseLayout layout, IOptions<DatabaseOptions> options, TimeProvider clock) : BackgroundService
{
    private readonly ConcurrentDictionary<TenantDescriptor, long> _lastUse = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// The interceptor that records when a practice's contexts open a connection. Opening, not
    /// creating a context: a unit of work that only reads cached data (the recurring-job check reads
    /// every practice's time zone every 30 s) does not keep the practice's files open.
    /// </summary>
    internal DbConnectionInterceptor UseOf(TenantDescriptor tenant) => new ConnectionUse(this, tenant);

    private void Used(TenantDescriptor tenant) => _lastUse[tenant] = clock.GetTimestamp();

    /// <summary>Practices used since their connections were last closed.</summary>
    public int OpenCount => _lastUse.Count;

    /// <summary>Closes the pools of practices idle for longer than the lifetime; returns how many.</summary>
    public int CloseIdle()
    {
        var closed = 0;
        foreach (var (tenant, lastUse) in _lastUse)
        {
            if (clock.GetElapsedTime(lastUse) < options.Value.IdleConnectionLifetime
                || !_lastUse.TryRemove(new KeyValuePair<TenantDescriptor, long>(tenant, lastUse)))
            {
                continue; // in use lately, or used again just now
            }

            // Idle connections are closed now; one in use (a unit of work that began in between) is
            // closed when it goes back to the pool, never under its user.
            using var connection = new SqliteConnection(layout.TenantConnectionString(tenant));
            SqliteConnection.ClearPool(connection);
            closed++;
        }

        if (closed > 0)
        {
            NativeHeap.ReturnFreedPages();
        }

        return closed;
    }

    private sealed class ConnectionUse(IdlePracticeConnections owner, TenantDescriptor tenant) : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => owner.Used(tenant);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            owner.Used(tenant);
            return Task.CompletedTask;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (layout.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.IdleConnectionCheck, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            CloseIdle();
        }
    }
}
