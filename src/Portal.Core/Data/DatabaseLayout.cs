using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Portal.Core.Tenancy;

namespace Portal.Core.Data;

/// <summary>
/// Knows where each store lives: the host store and one database per practice (a SQLite file under
/// App_Data/Sites/{name}/, or a PostgreSQL schema selected through the connection's search_path so
/// every practice shares one EF model). Creating and dropping a practice's database happens here.
/// </summary>
public sealed class DatabaseLayout
{
    private readonly DatabaseOptions _options;
    private readonly string _dataPath;
    private readonly string _practicesConnectionString = "";

    public DatabaseLayout(IOptions<DatabaseOptions> options, IOptions<AppDataOptions> appData, IHostEnvironment environment)
    {
        _options = options.Value;
        _dataPath = Path.GetFullPath(appData.Value.Path, environment.ContentRootPath);
        if (_options.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(_options.ConnectionString))
        {
            throw new InvalidOperationException("Portal:Database:ConnectionString is required when Portal:Database:Provider is Postgres.");
        }

        if (_options.Provider == DatabaseProvider.Postgres)
        {
            // The search path is set per connection (PracticeSearchPathInterceptor); one in the
            // configured string would apply to every practice.
            _practicesConnectionString = new NpgsqlConnectionStringBuilder(_options.ConnectionString) { SearchPath = null }.ToString();
        }
    }

    /// <summary>How long a SQLite statement waits for another connection's write lock before it fails.</summary>
    internal const int SqliteDefaultTimeoutSeconds = 30;

    public DatabaseProvider Provider => _options.Provider;

    public string DataPath => _dataPath;

    public string HostSchema => _options.HostSchema;

    public string SchemaFor(string tenantName) => _options.TenantSchemaPrefix + tenantName.Replace('-', '_');

    public string SitePath(string tenantName) => Path.Combine(_dataPath, "Sites", tenantName);

    public string HostConnectionString() => _options.Provider switch
    {
        DatabaseProvider.Sqlite => SqliteConnectionString(Path.Combine(_dataPath, "host.db")),
        _ => PostgresConnectionString(_options.HostSchema),
    };

    public string TenantConnectionString(TenantDescriptor tenant) => _options.Provider switch
    {
        DatabaseProvider.Sqlite => SqliteConnectionString(Path.Combine(SitePath(tenant.Name), "portal.db")),
        _ => PostgresConnectionString(tenant.DatabaseSchema ?? SchemaFor(tenant.Name)),
    };

    public void ConfigureHost(DbContextOptionsBuilder builder, string historyTable)
        => Configure(builder, HostConnectionString(), historyTable, _options.HostSchema);

    public void ConfigureTenant(DbContextOptionsBuilder builder, TenantDescriptor tenant, string historyTable)
    {
        if (_options.Provider == DatabaseProvider.Sqlite)
        {
            Configure(builder, TenantConnectionString(tenant), historyTable, "");
            return;
        }

        // One pool for every practice (the server's connection string, no search path); each
        // connection is pointed at the practice's schema as it opens.
        var schema = tenant.DatabaseSchema ?? SchemaFor(tenant.Name);
        Configure(builder, _practicesConnectionString, historyTable, schema);
        builder.AddInterceptors(new PracticeSearchPathInterceptor(schema));
    }

    /// <summary>Makes the host store's container exist (folder or schema); migrations fill it.</summary>
    public async Task EnsureHostStoreAsync(CancellationToken cancellationToken)
    {
        if (_options.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(_dataPath);
            await using var connection = new SqliteConnection(HostConnectionString());
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken);
            return;
        }

        await using var pg = new NpgsqlConnection(_options.ConnectionString);
        await pg.OpenAsync(cancellationToken);
        await ExecuteAsync(pg, $"CREATE SCHEMA IF NOT EXISTS {Quote(_options.HostSchema)}", cancellationToken);
    }

    /// <summary>
    /// Creates an empty database for a practice. Only called after the practice's registry row was
    /// inserted, so the name is ours: leftovers of an earlier crashed attempt are removed first.
    /// </summary>
    public async Task CreateTenantDatabaseAsync(TenantDescriptor tenant, CancellationToken cancellationToken)
    {
        if (_options.Provider == DatabaseProvider.Sqlite)
        {
            var folder = SitePath(tenant.Name);
            DeleteSiteFolder(folder);
            Directory.CreateDirectory(folder);
            await using var connection = new SqliteConnection(TenantConnectionString(tenant));
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken);
            return;
        }

        var schema = Quote(tenant.DatabaseSchema ?? SchemaFor(tenant.Name));
        await using var pg = new NpgsqlConnection(_options.ConnectionString);
        await pg.OpenAsync(cancellationToken);
        await ExecuteAsync(pg, $"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema};", cancellationToken);
    }

    /// <summary>Removes a practice's database entirely (used to roll back a failed setup).</summary>
    public async Task DropTenantDatabaseAsync(TenantDescriptor tenant, CancellationToken cancellationToken)
    {
        if (_options.Provider == DatabaseProvider.Sqlite)
        {
            // Pooled connections keep the file open; release them before deleting.
            SqliteConnection.ClearAllPools();
            DeleteSiteFolder(SitePath(tenant.Name));
            return;
        }

        var connectionString = TenantConnectionString(tenant);
        await using (var tenantConnection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(tenantConnection);
        }

        await using var pg = new NpgsqlConnection(_options.ConnectionString);
        await pg.OpenAsync(cancellationToken);
        await ExecuteAsync(pg, $"DROP SCHEMA IF EXISTS {Quote(tenant.DatabaseSchema ?? SchemaFor(tenant.Name))} CASCADE;", cancellationToken);
    }

    public async Task<bool> TenantDatabaseExistsAsync(TenantDescriptor tenant, CancellationToken cancellationToken)
    {
        if (_options.Provider == DatabaseProvider.Sqlite)
        {
            return File.Exists(Path.Combine(SitePath(tenant.Name), "portal.db"));
        }

        await using var pg = new NpgsqlConnection(_options.ConnectionString);
        await pg.OpenAsync(cancellationToken);
        await using var command = pg.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = @schema";
        command.Parameters.AddWithValue("schema", tenant.DatabaseSchema ?? SchemaFor(tenant.Name));
        var count = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return count > 0;
    }

    private static void DeleteSiteFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private void Configure(DbContextOptionsBuilder builder, string connectionString, string historyTable, string schema)
    {
        if (_options.Provider == DatabaseProvider.Sqlite)
        {
            builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable(historyTable));
            builder.AddInterceptors(SqliteBusyTimeout.Instance);
        }
        else
        {
            builder.UseNpgsql(connectionString, pg => pg.MigrationsHistoryTable(historyTable, schema));
        }

        // Migrations are written by hand (the EF design package does not restore here), so there is no
        // model snapshot to compare with; a test compares each migrated schema with the model instead.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        builder.ReplaceService<IMigrationsAssembly, MigrationTypesFromMetadata>();
    }

    private static string SqliteConnectionString(string file) => new SqliteConnectionStringBuilder
    {
        DataSource = file,
        Pooling = true,
        ForeignKeys = true,
        DefaultTimeout = SqliteDefaultTimeoutSeconds,
    }.ToString();

    private string PostgresConnectionString(string schema) => new NpgsqlConnectionStringBuilder(_options.ConnectionString)
    {
        SearchPath = schema,
    }.ToString();

    internal static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task ExecuteAsync(System.Data.Common.DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // identifiers are validated practice names, quoted
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
