using Microsoft.Extensions.Options;
using Npgsql;

namespace Portal.Core.Data;

/// <summary>
/// Tells the other servers that something in the host store changed: <c>pg_notify(channel, payload)</c>
/// on PostgreSQL (every server LISTENs, see <see cref="HostChangeListener"/>); nothing on SQLite,
/// which runs on one server and relies on polling.
/// </summary>
public sealed class HostChangeSignal(IOptions<DatabaseOptions> options)
{
    public async Task PublishAsync(string channel, string payload, CancellationToken cancellationToken)
    {
        if (options.Value.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(options.Value.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
        command.Parameters.AddWithValue("channel", channel);
        command.Parameters.AddWithValue("payload", payload);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
