using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Tenancy;

namespace Portal.Core.Data;

/// <summary>
/// Applies every module's migrations to a practice's database, then the data upgrades
/// (<see cref="IPracticeUpgrade"/>). All module schemas exist in every practice (features gate
/// behaviour, not tables), so enabling a feature never needs a migration.
/// </summary>
public sealed class TenantMigrator(TenantScopeFactory scopes, DatabaseLayout layout, IEnumerable<TenantDbContextRegistration> contexts, IEnumerable<IPracticeUpgrade> upgrades)
{
    /// <summary>The schema new-practice scripts are written for; each practice's own replaces it.</summary>
    private const string ScriptSchema = "portal_new_practice_schema";

    private readonly IReadOnlyList<IPracticeUpgrade> _upgrades = upgrades.ToList();

    // A script depends only on the context and the database engine, so every host in the process
    // (tests start hundreds) shares one.
    private static readonly ConcurrentDictionary<(Type Context, DatabaseProvider Provider), string> Scripts = new();

    private string? _stamp;

    public IReadOnlyList<TenantDbContextRegistration> Contexts { get; } = contexts.ToList();

    public async Task MigrateAsync(TenantDescriptor tenant, CancellationToken cancellationToken)
    {
        foreach (var registration in Contexts)
        {
            await using var scope = scopes.CreateScope(tenant);
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
            await db.MigrateAsync(cancellationToken);
        }

        await UpgradeAsync(tenant, cancellationToken);
    }

    /// <summary>
    /// Gives a new, empty practice database its whole schema: every module's migrations as one script,
    /// run in one transaction, which leaves each history table as <see cref="MigrateAsync"/> would.
    /// EF's migrator takes a lock, reads the history and commits migration by migration for each
    /// module; a practice's set-up spent 0.3 s (SQLite) to 1.1 s (PostgreSQL) there, all needless for
    /// a database nobody else can reach yet. The scripts are written once per process.
    /// </summary>
    public async Task CreateSchemaAsync(TenantDescriptor tenant, CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateScope(tenant))
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(Contexts[0].ContextType);
            var sql = db.GetService<ISqlGenerationHelper>();
            var schema = tenant.DatabaseSchema ?? layout.SchemaFor(tenant.Name);
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                foreach (var registration in Contexts)
                {
                    await using var command = db.Database.GetDbConnection().CreateCommand();
                    command.Transaction = transaction.GetDbTransaction();
                    command.CommandText = ForSchema(ScriptFor(registration), schema, sql);
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        await UpgradeAsync(tenant, cancellationToken);
    }

    private async Task UpgradeAsync(TenantDescriptor tenant, CancellationToken cancellationToken)
    {
        foreach (var upgrade in _upgrades)
        {
            await using var scope = scopes.CreateScope(tenant);
            await upgrade.RunAsync(scope.ServiceProvider, cancellationToken);
        }
    }

    private string ScriptFor(TenantDbContextRegistration registration) => Scripts.GetOrAdd((registration.ContextType, layout.Provider), key =>
    {
        // Writing a script needs a context but no connection: a placeholder practice is enough.
        using var scope = scopes.CreateScope(Placeholder(ScriptSchema));
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(key.Context);
        return db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.NoTransactions);
    });

    /// <summary>
    /// The script with the practice's schema for the placeholder (PostgreSQL: the history table's; a
    /// SQLite script names none). It appears as a text (the history script checks <c>pg_namespace</c>)
    /// and as a name, quoted only when the name needs it.
    /// </summary>
    private static string ForSchema(string script, string schema, ISqlGenerationHelper sql) => script
        .Replace($"'{ScriptSchema}'", $"'{schema.Replace("'", "''", StringComparison.Ordinal)}'", StringComparison.Ordinal)
        .Replace(sql.DelimitIdentifier(ScriptSchema), sql.DelimitIdentifier(schema), StringComparison.Ordinal);

    private static TenantDescriptor Placeholder(string schema) => new("stamp", "stamp", TenantState.Uninitialized, [], [], 0, schema);

    /// <summary>A hash of every migration and upgrade id the host knows; equal stamps mean nothing to apply.</summary>
    public string CurrentStamp()
    {
        if (_stamp is not null)
        {
            return _stamp;
        }

        // Listing migrations needs a context but no connection: a placeholder practice is enough.
        var placeholder = Placeholder("stamp");
        var ids = new List<string>();
        foreach (var registration in Contexts)
        {
            using var scope = scopes.CreateScope(placeholder);
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
            ids.Add(registration.HistoryTable);
            ids.AddRange(db.Database.GetMigrations());
        }

        ids.AddRange(_upgrades.Select(u => "upgrade:" + u.Id));

        _stamp = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', ids))))[..32];
        return _stamp;
    }
}
