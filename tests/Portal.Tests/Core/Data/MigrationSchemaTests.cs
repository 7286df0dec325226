using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Data;

/// <summary>
/// The migrations are written by hand. For every DbContext the application registers (host store and
/// every module's practice tables), a database built from the migrations must have exactly the schema
/// of one built from the EF model.
/// </summary>
public sealed class MigrationSchemaTests
{
    [Theory, BothDatabases]
    public async Task Every_context_migrates_to_exactly_its_model(DatabaseProvider provider)
    {
        await using var app = await PortalApplication.StartAsync(provider);
        var layout = app.Get<DatabaseLayout>();
        var contexts = EveryContext(app);

        var problems = new List<string>();
        var index = 0;
        foreach (var (type, history) in contexts)
        {
            index++;
            var migrated = new TenantDescriptor($"schema-m{index}", "m", TenantState.Running, [], [], 1, null);
            var modelled = new TenantDescriptor($"schema-e{index}", "e", TenantState.Running, [], [], 1, null);
            await layout.CreateTenantDatabaseAsync(migrated, default);
            await layout.CreateTenantDatabaseAsync(modelled, default);

            await using (var db = Create(type, layout, migrated, history))
            {
                var applied = db.Database.GetMigrations().ToList();
                Assert.NotEmpty(applied);
                await db.MigrateAsync();
            }

            await using (var db = Create(type, layout, modelled, history))
            {
                // What EnsureCreated would do, confined to this database/schema.
                await db.Database.ExecuteSqlRawAsync(db.Database.GenerateCreateScript());
            }

            var fromMigrations = await SnapshotAsync(layout, migrated);
            var fromModel = await SnapshotAsync(layout, modelled);
            Assert.NotEmpty(fromModel);
            foreach (var missing in fromModel.Except(fromMigrations))
            {
                problems.Add($"{type.Name}: migrations lack   {missing}");
            }

            foreach (var extra in fromMigrations.Except(fromModel))
            {
                problems.Add($"{type.Name}: migrations add    {extra}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

#pragma warning disable EF1001 // EF's own migrations assembly (internal API), to compare with.
    [Theory, BothDatabases]
    public async Task Every_context_finds_from_metadata_the_migrations_EF_finds_by_loading_every_type(DatabaseProvider provider)
    {
        await using var app = await PortalApplication.StartAsync(provider);
        var layout = app.Get<DatabaseLayout>();
        var placeholder = new TenantDescriptor("discovery", "d", TenantState.Running, [], [], 1, null);
        var found = 0;
        foreach (var (type, history) in EveryContext(app))
        {
            await using var db = Create(type, layout, placeholder, history);
            var fromMetadata = db.GetService<IMigrationsAssembly>();
            Assert.IsType<MigrationTypesFromMetadata>(fromMetadata);
            var fromEveryType = new MigrationsAssembly(
                db.GetService<ICurrentDbContext>(), db.GetService<IDbContextOptions>(), db.GetService<IMigrationsIdGenerator>(),
                db.GetService<IDiagnosticsLogger<DbLoggerCategory.Migrations>>());

            Assert.NotEmpty(fromEveryType.Migrations);
            Assert.Equal(fromEveryType.Migrations.ToList(), fromMetadata.Migrations.ToList());
            Assert.Equal(fromEveryType.ModelSnapshot?.GetType(), fromMetadata.ModelSnapshot?.GetType());
            Assert.Equal(fromEveryType.FindMigrationId(fromEveryType.Migrations.Keys.Last()), fromMetadata.FindMigrationId(fromMetadata.Migrations.Keys.Last()));
            found += fromMetadata.Migrations.Count;
        }

        Assert.True(found > 20, $"{found} migrations in all");
    }
#pragma warning restore EF1001

    [Theory, BothDatabases]
    public async Task A_new_practice_s_one_script_schema_is_what_the_migrator_builds(DatabaseProvider provider)
    {
        await using var app = await PortalApplication.StartAsync(provider);
        var layout = app.Get<DatabaseLayout>();
        var migrator = app.Get<TenantMigrator>();
        var migrated = new TenantDescriptor("script-m", "m", TenantState.Running, [], [], 1, null);
        var scripted = new TenantDescriptor("script-s", "s", TenantState.Running, [], [], 1, null);
        await layout.CreateTenantDatabaseAsync(migrated, default);
        await layout.CreateTenantDatabaseAsync(scripted, default);

        await migrator.MigrateAsync(migrated, default);
        await migrator.CreateSchemaAsync(scripted, default);

        var fromMigrator = await SnapshotAsync(layout, migrated);
        var fromScript = await SnapshotAsync(layout, scripted);
        Assert.True(fromMigrator.Count > 50, "the snapshot reads the practice's tables");
        Assert.Equal(fromMigrator, fromScript);
        Assert.Equal(await RowCountsAsync(layout, migrated, fromMigrator), await RowCountsAsync(layout, scripted, fromMigrator));

        foreach (var registration in migrator.Contexts)
        {
            await using var db = Create(registration.ContextType, layout, scripted, registration.HistoryTable);
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        }

        // The migrator finds nothing left to do on a practice made by the script.
        await migrator.MigrateAsync(scripted, default);
        Assert.Equal(fromScript, await SnapshotAsync(layout, scripted));
    }

    [Fact]
    public async Task A_schema_prefix_that_needs_quoting_still_gives_a_new_practice_its_schema()
    {
        await using var app = await PortalApplication.StartAsync(DatabaseProvider.Postgres, o => o.Set("Portal:Database:TenantSchemaPrefix", "Practice_"));

        var practice = await app.CreatePracticeAsync();

        Assert.Equal(TenantState.Running, practice.State);
        Assert.StartsWith("Practice_", practice.DatabaseSchema, StringComparison.Ordinal);
        var migrator = app.Get<TenantMigrator>();
        foreach (var registration in migrator.Contexts)
        {
            var applied = await app.InPracticeAsync(practice, sp => ((DbContext)sp.GetRequiredService(registration.ContextType)).Database.GetAppliedMigrationsAsync());
            Assert.NotEmpty(applied);
        }
    }

    /// <summary>How many rows each table holds (migrations and upgrades write some, such as default contact reasons).</summary>
    private static async Task<SortedSet<string>> RowCountsAsync(DatabaseLayout layout, TenantDescriptor database, SortedSet<string> snapshot)
    {
        var counts = new SortedSet<string>(StringComparer.Ordinal);
        await using var db = Create(typeof(CoreTenantDbContext), layout, database, CoreTenantDbContext.MigrationsHistoryTable);
        await db.Database.OpenConnectionAsync();
        foreach (var table in snapshot.Where(f => f.StartsWith("table ", StringComparison.Ordinal) && !f.EndsWith(" autoincrement", StringComparison.Ordinal)).Select(f => f["table ".Length..]))
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts.Add($"{table} {await command.ExecuteScalarAsync()}");
        }

        Assert.NotEmpty(counts);
        return counts;
    }

    /// <summary>Every context the application registers: the host store's and every module's practice tables.</summary>
    private static List<(Type Type, string History)> EveryContext(PortalApplication app)
    {
        var contexts = app.Get<IEnumerable<TenantDbContextRegistration>>().Select(r => (r.ContextType, r.HistoryTable))
            .Append((typeof(HostDbContext), HostDbContext.MigrationsHistoryTable))
            .Append((typeof(Portal.Web.HostAdmin.OperatorDbContext), Portal.Web.HostAdmin.OperatorDbContext.MigrationsHistoryTable))
            .Append((typeof(Portal.Plans.Data.PlansDbContext), Portal.Plans.Data.PlansDbContext.MigrationsHistoryTable))
            .ToList();
        Assert.True(contexts.Count >= 4);
        return contexts;
    }

    private static DbContext Create(Type type, DatabaseLayout layout, TenantDescriptor database, string history)
    {
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(type))!;
        layout.ConfigureTenant(builder, database, history);
        return (DbContext)Activator.CreateInstance(type, builder.Options)!;
    }

    private static Task<SortedSet<string>> SnapshotAsync(DatabaseLayout layout, TenantDescriptor database)
        => layout.Provider == DatabaseProvider.Sqlite
            ? SchemaSnapshot.ReadSqliteAsync(layout.TenantConnectionString(database))
            : SchemaSnapshot.ReadPostgresAsync(layout.TenantConnectionString(database), layout.SchemaFor(database.Name));
}
