using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Core.Theming;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Settings;

/// <summary>
/// A settings save retires that section's cached copies, on this server at once (the request that
/// saved reads its save) and on the others by NOTIFY or, failing that, by polling; every other cache
/// of the practice stays: its other sections, its registry entry and its shared DbContext options.
/// "Other servers" here are a second <see cref="PortalApplication"/> on the same data: its own host,
/// service provider and memory cache, sharing nothing with the first but the databases.
/// </summary>
public sealed class SettingsCacheTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task A_save_is_read_back_by_the_same_request_and_leaves_the_other_caches_alone(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var tenant = app.Get<TenantRegistry>().Find(practice.Name)!;
        var options = app.Get<TenantDbContextOptions>().For<CoreTenantDbContext>(tenant, CoreTenantDbContext.MigrationsHistoryTable);
        var site = await app.InPracticeAsync(practice, SiteAsync);
        Assert.Same(site, await app.InPracticeAsync(practice, SiteAsync));

        var (before, after) = await app.InPracticeAsync(practice, async sp =>
        {
            var store = sp.GetRequiredService<SiteSettingsStore>();
            var branding = await store.GetAsync<BrandingSettings>();
            await store.SaveAsync(branding with { PrimaryColor = "#123456" });
            return (branding, await store.GetAsync<BrandingSettings>());
        });

        Assert.Equal(BrandingSettings.DefaultPrimaryColor, before.PrimaryColor);
        Assert.Equal("#123456", after.PrimaryColor);
        Assert.Same(tenant, app.Get<TenantRegistry>().Find(practice.Name));
        Assert.Same(options, app.Get<TenantDbContextOptions>().For<CoreTenantDbContext>(tenant, CoreTenantDbContext.MigrationsHistoryTable));
        Assert.Same(site, await app.InPracticeAsync(practice, SiteAsync));
        Assert.Contains("--brand-primary:#123456;", await app.ClientFor(practice).GetStringAsync("branding.css"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_save_refreshes_that_section_on_a_second_server_by_notification()
    {
        await using var data = await TestData.CreateAsync(DatabaseProvider.Postgres);
        await using var first = PortalApplication.StartOn(data);
        var practice = await first.CreatePracticeAsync();

        // Polling an hour apart: only the NOTIFY can tell the second server in time.
        await using var second = PortalApplication.StartOn(data, o => o.Set("Portal:Tenancy:RegistryPollInterval", "01:00:00"));
        await SaveIsSeenOnTheSecondServerAsync(first, second, practice);
    }

    [Fact]
    public async Task A_save_refreshes_that_section_on_a_second_server_by_polling()
    {
        // SQLite has no notifications: the second server learns of the save from its poll (every second in tests).
        await using var data = await TestData.CreateAsync(DatabaseProvider.Sqlite);
        await using var first = PortalApplication.StartOn(data);
        var practice = await first.CreatePracticeAsync();
        await using var second = PortalApplication.StartOn(data);
        await SaveIsSeenOnTheSecondServerAsync(first, second, practice);
    }

    private static async Task SaveIsSeenOnTheSecondServerAsync(PortalApplication first, PortalApplication second, TenantDescriptor practice)
    {
        Assert.NotSame(first.Get<IMemoryCache>(), second.Get<IMemoryCache>());
        var tenant = second.Get<TenantRegistry>().Find(practice.Name)!;
        var options = second.Get<TenantDbContextOptions>().For<CoreTenantDbContext>(tenant, CoreTenantDbContext.MigrationsHistoryTable);
        var site = await second.InPracticeAsync(practice, SiteAsync);
        var branding = await second.InPracticeAsync(practice, BrandingAsync);

        // Cached: without word of the save, the second server would go on showing this copy.
        Assert.Same(branding, await second.InPracticeAsync(practice, BrandingAsync));

        await first.InPracticeAsync(practice, sp => sp.GetRequiredService<SiteSettingsStore>().SaveAsync(branding with { PrimaryColor = "#204060" }));

        await Eventually.TrueAsync(
            async () => (await second.InPracticeAsync(practice, BrandingAsync)).PrimaryColor == "#204060",
            what: "the second server to read the saved branding");
        Assert.Contains("--brand-primary:#204060;", await second.ClientFor(practice).GetStringAsync("branding.css"), StringComparison.Ordinal);
        Assert.Same(site, await second.InPracticeAsync(practice, SiteAsync));
        Assert.Same(tenant, second.Get<TenantRegistry>().Find(practice.Name));
        Assert.Same(options, second.Get<TenantDbContextOptions>().For<CoreTenantDbContext>(tenant, CoreTenantDbContext.MigrationsHistoryTable));
    }

    private static Task<SiteSettings> SiteAsync(IServiceProvider services) => services.GetRequiredService<SiteSettingsStore>().GetAsync<SiteSettings>();

    private static Task<BrandingSettings> BrandingAsync(IServiceProvider services) => services.GetRequiredService<SiteSettingsStore>().GetAsync<BrandingSettings>();
}
