using Microsoft.EntityFrameworkCore;
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
        var contexts = app.Get<IEnumerable<TenantDbContextRegistration>>().Select(r => (r.ContextType, r.HistoryTable))
            .Append((typeof(HostDbContext), HostDbContext.MigrationsHistoryTable))
            .Append((typeof(Portal.Web.HostAdmin.OperatorDbContext), Portal.Web.HostAdmin.OperatorDbContext.MigrationsHistoryTable))
            .Append((typeof(Portal.Plans.Data.PlansDbContext), Portal.Plans.Data.PlansDbContext.MigrationsHistoryTable))
            .ToList();
        Assert.True(contexts.Count >= 4);

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
