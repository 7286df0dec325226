using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Core.Data;

/// <summary>
/// SQLite: a writer that finds the database locked waits in SQLite's own busy handler, which retries
/// within a millisecond or two of the lock's release. Without it Microsoft.Data.Sqlite retries a busy
/// statement after sleeping 150 ms, and a request writing while the job worker commits lost about
/// half its time to those sleeps (the desktop sync's contacts, profiled). The managed retry stays
/// as the outer bound (the connection's default timeout).
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    /// <summary>As long as the connection's own default timeout: the lock is waited for, not failed.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(DatabaseLayout.SqliteDefaultTimeoutSeconds);

    private SqliteBusyTimeout()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    // A setting of the native handle, not a statement: nothing to parse or run on each open.
    private static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            SQLitePCL.raw.sqlite3_busy_timeout(handle, (int)Wait.TotalMilliseconds);
        }
    }
}
