using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Tenancy;

namespace Portal.Tests.Infrastructure;

/// <summary>The files and database an application runs on; outlives the application when a test restarts it.</summary>
public sealed class TestData(DatabaseProvider provider, string appDataPath, PostgresDatabase? database) : IAsyncDisposable
{
    public DatabaseProvider Provider { get; } = provider;

    public string AppDataPath { get; } = appDataPath;

    public PostgresDatabase? Database { get; } = database;

    public static async Task<TestData> CreateAsync(DatabaseProvider provider)
    {
        var appData = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(appData);
        var database = provider == DatabaseProvider.Postgres ? await PostgresDatabase.CreateAsync() : null;
        return new TestData(provider, appData, database);
    }

    /// <summary>The host store, opened directly (no application needed, e.g. between a stop and a restart).</summary>
    public HostDbContext OpenHostStore()
    {
        var builder = new DbContextOptionsBuilder<HostDbContext>();
        Layout().ConfigureHost(builder, HostDbContext.MigrationsHistoryTable);
        return new HostDbContext(builder.Options);
    }

    /// <summary>A practice's Core tables (settings, outboxes), opened directly.</summary>
    public CoreTenantDbContext OpenPracticeCore(TenantDescriptor practice)
    {
        var builder = new DbContextOptionsBuilder<CoreTenantDbContext>();
        Layout().ConfigureTenant(builder, practice, CoreTenantDbContext.MigrationsHistoryTable);
        return new CoreTenantDbContext(builder.Options);
    }

    /// <summary>A practice's Billing tables (payments, Stripe events), opened directly.</summary>
    public Portal.Billing.Data.BillingDbContext OpenPracticeBilling(TenantDescriptor practice)
    {
        var builder = new DbContextOptionsBuilder<Portal.Billing.Data.BillingDbContext>();
        Layout().ConfigureTenant(builder, practice, Portal.Billing.Data.BillingDbContext.MigrationsHistoryTable);
        return new Portal.Billing.Data.BillingDbContext(builder.Options);
    }

    private DatabaseLayout Layout() => new(
        Options.Create(new DatabaseOptions { Provider = Provider, ConnectionString = Database?.ConnectionString }),
        Options.Create(new AppDataOptions { Path = AppDataPath }),
        new HostingEnvironment { ContentRootPath = AppDataPath });

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }

        try
        {
            Directory.Delete(AppDataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pool; the temp folder is cleaned by the OS eventually.
        }
    }
}
