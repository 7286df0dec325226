using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Core.Data;

/// <summary>
/// PostgreSQL: points every connection a practice's DbContext opens at the practice's schema
/// (<c>SET search_path</c>), so all practices share one connection pool. A search path in the
/// connection string gave each practice a pool of its own, and a thousand practices a thousand
/// pools whose idle connections outnumber the server's <c>max_connections</c>. Npgsql resets the
/// session (<c>DISCARD ALL</c>) when a connection goes back to the pool, so the next practice to take
/// it starts from the server's default path, never another practice's.
/// </summary>
internal sealed class PracticeSearchPathInterceptor(string schema) : DbConnectionInterceptor
{
    private readonly string _command = "SET search_path TO " + DatabaseLayout.Quote(schema);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = Command(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = Command(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand Command(DbConnection connection)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // a practice schema name, quoted
        command.CommandText = _command;
#pragma warning restore CA2100
        return command;
    }
}
