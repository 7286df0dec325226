using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Settings;
using Portal.Documents.Data;
using Portal.Documents.Services;
using Portal.Identity.Services;
using Portal.Tests.Documents;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Caching;

/// <summary>
/// Signed-in pages that opt in are served again from this server's copy (SignedInPageCachePolicy)
/// while nothing they are made from has changed. These tests prove the copy is used at all (an
/// <c>Age</c> header marks it), and that every kind of change retires it: practice data outside any
/// declared area, settings, another browser's cookies, an ended session.
/// </summary>
public sealed class SignedInPageCacheTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task A_page_is_served_from_the_copy_until_practice_data_or_a_setting_changes(DatabaseProvider provider)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(provider));
        var client = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.ClientUser);
        var page = $"documents/{scenario.ClientId}";

        await ServedFromCopyAsync(client, page);

        // A folder is Documents data, in no declared area: the next look is made afresh and shows it.
        await scenario.App.InPracticeAsync(scenario.Practice, async sp =>
        {
            var staff = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, scenario.Staff.Id.ToString())], "test"));
            var (folder, problem) = await sp.GetRequiredService<DocumentLibrary>().CreateFolderAsync(scenario.ClientId, null, "Tax return 2026", true, staff);
            Assert.Null(problem);
            Assert.NotNull(folder);
        });
        var afterFolder = await GetOkAsync(client, page);
        Assert.False(IsCopy(afterFolder));
        Assert.Contains("Tax return 2026", await afterFolder.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await ServedFromCopyAsync(client, page);

        // A setting shown in the layout.
        await scenario.App.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<SiteSettingsStore>().SaveAsync(new SiteSettings { ContactEmail = "desk@cache-test.example" }));
        var afterSetting = await GetOkAsync(client, page);
        Assert.False(IsCopy(afterSetting));
        Assert.Contains("desk@cache-test.example", await afterSetting.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_copy_belongs_to_one_browser_and_one_live_session(DatabaseProvider provider)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(provider));
        var first = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.ClientUser);
        await ServedFromCopyAsync(first, "");

        // The same user in another browser: other cookies (session, antiforgery), so not the first's copy.
        var second = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.ClientUser);
        Assert.False(IsCopy(await GetOkAsync(second, "")));

        // Ending the sessions is decided before any copy is looked up.
        await scenario.App.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<UserSessions>().EndAllAsync(scenario.ClientUser.Id));
        var ended = await first.GetAsync("");
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.False(IsCopy(ended));
        Assert.DoesNotContain("Welcome, ", await ended.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var documents = await first.GetAsync($"documents/{scenario.ClientId}");
        Assert.Equal(HttpStatusCode.Redirect, documents.StatusCode);
        Assert.Contains("/account/signin", documents.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task The_practice_stamp_grows_with_committed_writes_to_any_table_and_not_with_reads_or_rollbacks(DatabaseProvider provider)
    {
        await using var data = await TestData.CreateAsync(provider);
        await using var app = PortalApplication.StartOn(data);
        var scenario = await DocumentsScenario.CreateAsync(app);
        var versions = app.Get<IPracticeDataVersions>();
        var before = await versions.StampAsync(scenario.Practice.Id);

        await app.InPracticeAsync(scenario.Practice, async sp =>
        {
            var db = sp.GetRequiredService<DocumentsDbContext>();
            await db.Folders.CountAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Folders.Where(f => f.ClientId == scenario.ClientId).ExecuteUpdateAsync(s => s.SetProperty(f => f.Name, "Renamed"));
            await transaction.RollbackAsync();
        });
        Assert.Equal(before, await versions.StampAsync(scenario.Practice.Id));

        // A statement that changes no row changes nothing (the recurring sweeps).
        var nobody = Guid.NewGuid();
        await app.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<DocumentsDbContext>().Folders
            .Where(f => f.ClientId == nobody).ExecuteDeleteAsync());
        Assert.Equal(before, await versions.StampAsync(scenario.Practice.Id));

        await app.InPracticeAsync(scenario.Practice, async sp =>
        {
            var staff = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, scenario.Staff.Id.ToString())], "test"));
            Assert.Null((await sp.GetRequiredService<DocumentLibrary>().CreateFolderAsync(scenario.ClientId, null, "Receipts", true, staff)).Problem);
        });
        var created = await versions.StampAsync(scenario.Practice.Id);
        Assert.True(created > before, "an INSERT outside any declared area should grow the stamp");
        await app.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<DocumentsDbContext>().Folders
            .Where(f => f.ClientId == scenario.ClientId).ExecuteDeleteAsync());
        var deleted = await versions.StampAsync(scenario.Practice.Id);
        Assert.True(deleted > created, "a DELETE outside any declared area should grow the stamp");

        // Sessions are declared outside pages (renewed every minute): starting and renewing one leaves it alone.
        await app.InPracticeAsync(scenario.Practice, async sp =>
        {
            var users = sp.GetRequiredService<Portal.Identity.Data.UsersDbContext>();
            var now = DateTime.UtcNow;
            users.Sessions.Add(new Portal.Identity.Models.UserSession { Id = "cache-test", UserId = scenario.ClientUser.Id, CreatedAt = now, LastActivityAt = now, ExpiresAt = now.AddHours(1) });
            await users.SaveChangesAsync();
            Assert.Equal(1, await users.Sessions.Where(x => x.Id == "cache-test").ExecuteUpdateAsync(x => x.SetProperty(v => v.LastActivityAt, now.AddMinutes(1))));
        });
        Assert.Equal(deleted, await versions.StampAsync(scenario.Practice.Id));

        // A second server (its own memory, same databases) learns of it too.
        await using var other = PortalApplication.StartOn(data);
        await Eventually.TrueAsync(async () => await other.Get<IPracticeDataVersions>().StampAsync(scenario.Practice.Id) == deleted,
            what: "the other server to learn the practice's stamp");
    }

    [Theory, BothDatabases]
    public async Task Switched_off_no_page_is_a_copy(DatabaseProvider provider)
    {
        await using var app = await PortalApplication.StartAsync(provider, options => options.Settings["Portal:PageCache:Enabled"] = "false");
        var scenario = await DocumentsScenario.CreateAsync(app);
        var client = await app.SignedInClientAsync(scenario.Practice, scenario.ClientUser);
        var versions = app.Get<IPracticeDataVersions>();

        // Two looks under one unchanged stamp: switched on, the second would be the copy.
        await Eventually.TrueAsync(async () =>
        {
            var stamp = await versions.StampAsync(scenario.Practice.Id);
            await GetOkAsync(client, "");
            var second = await GetOkAsync(client, "");
            if (await versions.StampAsync(scenario.Practice.Id) != stamp)
            {
                return false;
            }

            Assert.False(IsCopy(second));
            return true;
        }, what: "two looks under one stamp");
    }

    // Signing in and changing data publish events whose delivery writes too: once those settle, a look is a copy.
    private static Task ServedFromCopyAsync(HttpClient client, string path)
        => Eventually.TrueAsync(async () => IsCopy(await GetOkAsync(client, path)), what: $"{path} to be served from the copy");

    private static bool IsCopy(HttpResponseMessage response) => response.Headers.Age is not null;

    private static async Task<HttpResponseMessage> GetOkAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }
}
