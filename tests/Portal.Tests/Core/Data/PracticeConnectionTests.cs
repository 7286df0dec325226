using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Data;

/// <summary>
/// What a practice costs while nobody uses it: on SQLite its pooled connections are closed once it is
/// idle, and on PostgreSQL every practice shares one pool, each connection pointed at the practice's
/// schema as it opens.
/// </summary>
public sealed class PracticeConnectionTests
{
    [Fact]
    public async Task An_idle_SQLite_practice_keeps_no_database_file_open_and_opens_again_when_used()
    {
        await using var app = await PortalApplication.StartAsync(DatabaseProvider.Sqlite, options => options
            .Set("Portal:Database:IdleConnectionLifetime", "00:00:00")
            .Set("Portal:Database:IdleConnectionCheck", "01:00:00")
            .Set("Portal:Jobs:WorkerEnabled", "false"));
        var practice = await app.CreatePracticeAsync();
        var file = Path.Combine(app.Get<DatabaseLayout>().SitePath(practice.Name), "portal.db");

        await CountSettingsAsync(app, practice);
        Assert.True(OpenHandles(file) > 0);

        Assert.True(app.Get<IdlePracticeConnections>().CloseIdle() >= 1);
        Assert.Equal(0, OpenHandles(file));

        await CountSettingsAsync(app, practice);
        Assert.True(OpenHandles(file) > 0);
    }

    [Fact]
    public async Task PostgreSQL_practices_share_one_connection_string_and_each_reads_its_own_schema()
    {
        await using var app = await PortalApplication.StartAsync(DatabaseProvider.Postgres);
        var first = await app.CreatePracticeAsync();
        var second = await app.CreatePracticeAsync();

        var (firstConnection, firstSchema) = await ConnectionAndSchemaAsync(app, first);
        var (secondConnection, secondSchema) = await ConnectionAndSchemaAsync(app, second);

        Assert.Equal(firstConnection, secondConnection);
        Assert.Equal(app.Get<TenantRegistry>().Find(first.Name)!.DatabaseSchema, firstSchema);
        Assert.Equal(app.Get<TenantRegistry>().Find(second.Name)!.DatabaseSchema, secondSchema);
    }

    [Fact]
    public async Task A_practice_idle_for_the_connection_lifetime_gives_up_its_pooled_contexts()
    {
        await using var app = await PortalApplication.StartAsync(DatabaseProvider.Sqlite, options => options
            .Set("Portal:Database:IdleConnectionLifetime", "00:00:30")
            .Set("Portal:Jobs:WorkerEnabled", "false"));
        var first = await app.CreatePracticeAsync();
        var second = await app.CreatePracticeAsync();
        var contexts = app.Get<TenantDbContextOptions>();
        await CountSettingsAsync(app, first);
        await CountSettingsAsync(app, second);

        // Setting a practice up went through several registry entries of it; each has its pools until idle.
        Assert.True(contexts.PooledPractices >= 2);

        // Only the practice used after the lifetime keeps a pool; the other comes back on its next use.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await CountSettingsAsync(app, second);
        Assert.Equal(1, contexts.PooledPractices);
        await CountSettingsAsync(app, first);
        Assert.Equal(2, contexts.PooledPractices);
    }

    private static Task<int> CountSettingsAsync(PortalApplication app, TenantDescriptor practice)
        => app.InPracticeAsync(practice, sp => sp.GetRequiredService<CoreTenantDbContext>().Settings.CountAsync());

    private static Task<(string?, string)> ConnectionAndSchemaAsync(PortalApplication app, TenantDescriptor practice)
        => app.InPracticeAsync(practice, async sp =>
        {
            var db = sp.GetRequiredService<CoreTenantDbContext>();
            var schema = await db.Database.SqlQueryRaw<string>("SELECT current_schema() AS \"Value\"").SingleAsync();
            return (db.Database.GetConnectionString(), schema);
        });

    /// <summary>How many of this process's file descriptors point at <paramref name="file"/> (Linux).</summary>
    private static int OpenHandles(string file)
        => new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos()
            .Count(fd => fd.LinkTarget is { } target && string.Equals(target, file, StringComparison.Ordinal));
}
