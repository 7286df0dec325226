using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Settings;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Settings;

/// <summary>How a server applies another server's notice of a new version (<see cref="SettingsVersions.OnNotifiedAsync"/>).</summary>
public sealed class SettingsVersionNoticeTests(UnpolledApps apps) : IClassFixture<UnpolledApps>
{
    [Theory, BothDatabases]
    public async Task A_data_area_s_notice_is_learned_from_the_notice_without_reading_every_version(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var versions = app.Get<SettingsVersions>();
        var practice = (await app.CreatePracticeAsync()).Id;
        Assert.Equal(0, await versions.CurrentAsync(practice, "data:notice-told", default));

        // A version this server was not told of: only reading every version would find it.
        await StoreUntoldAsync(app, practice, "data:notice-untold", 5);

        await versions.OnNotifiedAsync($"{practice:N}:data:notice-told:7", default);

        Assert.Equal(7, await versions.CurrentAsync(practice, "data:notice-told", default));
        Assert.Equal(0, await versions.CurrentAsync(practice, "data:notice-untold", default));
    }

    [Theory, BothDatabases]
    public async Task A_notice_that_cannot_be_read_makes_the_server_read_every_version(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var versions = app.Get<SettingsVersions>();
        var practice = (await app.CreatePracticeAsync()).Id;
        Assert.Equal(0, await versions.CurrentAsync(practice, "notice-section", default));
        await StoreUntoldAsync(app, practice, "notice-section", 3);

        await versions.OnNotifiedAsync("not a notice", default);

        Assert.Equal(3, await versions.CurrentAsync(practice, "notice-section", default));
    }

    /// <summary>A version in the host store that no notice announced (as another server's save whose notice was lost).</summary>
    private static async Task StoreUntoldAsync(PortalApplication app, Guid practice, string section, long version)
    {
        await using var db = await app.Get<IDbContextFactory<HostDbContext>>().CreateDbContextAsync();
        db.SettingsVersions.Add(new SettingsVersionRecord { TenantId = practice, Section = section, Version = version, UpdatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }
}
