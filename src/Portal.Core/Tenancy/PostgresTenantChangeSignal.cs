using Microsoft.Extensions.Options;
using Npgsql;
using Portal.Core.Data;

namespace Portal.Core.Tenancy;

/// <summary>NOTIFY on a PostgreSQL channel; every server LISTENs (see <see cref="TenantRegistryRefresher"/>).</summary>
public sealed class PostgresTenantChangeSignal(IOptions<DatabaseOptions> options) : ITenantChangeSignal
{
    public const string Channel = "portal_tenants";

    public async Task PublishAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(options.Value.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"NOTIFY {Channel}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>SQLite deployments run on one server: nothing to tell.</summary>
public sealed class LocalTenantChangeSignal : ITenantChangeSignal
{
    public Task PublishAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
