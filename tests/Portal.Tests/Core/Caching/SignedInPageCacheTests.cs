using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Caching;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Settings;
using Portal.Documents.Data;
using Portal.Documents.Models;
using Portal.Documents.Services;
using Portal.Identity.Data;
using Portal.Identity.Models;
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
    public async Task Committed_writes_to_any_table_bump_and_reads_rollbacks_empty_statements_and_session_renewals_do_not(DatabaseProvider provider)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(provider));
        var app = scenario.App;
        var areas = app.Services.GetServices<PracticeDataArea>().ToLookup(a => a.ContextType);
        var bumps = new RecordedBumps();
        var tracker = new PracticeDataChangeTracker(scenario.Practice.Id, areas, bumps);
        await app.InPracticeAsync(scenario.Practice, async sp =>
        {
            // The practice's database with this tracker alone (the app's own would take what is pending first).
            var layout = app.Get<DatabaseLayout>();
            var documentsOptions = new DbContextOptionsBuilder<DocumentsDbContext>();
            layout.ConfigureTenant(documentsOptions, scenario.Practice, DocumentsDbContext.MigrationsHistoryTable);
            var usersOptions = new DbContextOptionsBuilder<UsersDbContext>();
            layout.ConfigureTenant(usersOptions, scenario.Practice, UsersDbContext.MigrationsHistoryTable);
            await using var documents = new DocumentsDbContext(documentsOptions.AddInterceptors(tracker).Options);
            await using var users = new UsersDbContext(usersOptions.AddInterceptors(tracker).Options);

            await documents.Folders.CountAsync();
            await using (var transaction = await documents.Database.BeginTransactionAsync())
            {
                await documents.Folders.Where(f => f.ClientId == scenario.ClientId).ExecuteUpdateAsync(s => s.SetProperty(f => f.Name, "Renamed"));
                await transaction.RollbackAsync();
            }

            var nobody = Guid.NewGuid();
            await documents.Folders.Where(f => f.ClientId == nobody).ExecuteDeleteAsync();
            Assert.Empty(bumps.Areas);

            // Sessions are declared outside pages (renewed every minute): starting and renewing one bumps nothing.
            var now = DateTime.UtcNow;
            users.Sessions.Add(new UserSession { Id = "cache-test", UserId = scenario.ClientUser.Id, CreatedAt = now, LastActivityAt = now, ExpiresAt = now.AddHours(1) });
            await users.SaveChangesAsync();
            Assert.Equal(1, await users.Sessions.Where(x => x.Id == "cache-test").ExecuteUpdateAsync(x => x.SetProperty(v => v.LastActivityAt, now.AddMinutes(1))));
            Assert.Empty(bumps.Areas);

            // A table in no declared area: SaveChanges, and a statement outside a transaction.
            documents.Folders.Add(new Folder { Id = Guid.NewGuid(), ClientId = scenario.ClientId, Name = "Receipts", CreatedAt = now });
            await documents.SaveChangesAsync();
            Assert.Equal([PracticeDataArea.Other], bumps.Take());
            Assert.Equal(1, await documents.Folders.Where(f => f.Name == "Receipts").ExecuteDeleteAsync());
            Assert.Equal([PracticeDataArea.Other], bumps.Take());
        });

        // Through the real versions, this server's stamp grows at once (the host store is written after).
        var versions = app.Get<IPracticeDataVersions>();
        var before = await versions.StampAsync(scenario.Practice.Id);
        await versions.BumpAsync(scenario.Practice.Id, PracticeDataArea.Other);
        Assert.True(await versions.StampAsync(scenario.Practice.Id) > before);
    }

    [Theory, BothDatabases]
    public async Task Another_server_learns_of_writes_outside_the_declared_areas(DatabaseProvider provider)
    {
        await using var data = await TestData.CreateAsync(provider);
        await using var first = PortalApplication.StartOn(data);
        var scenario = await DocumentsScenario.CreateAsync(first);
        await using var second = PortalApplication.StartOn(data);
        var before = await second.Get<IPracticeDataVersions>().StampAsync(scenario.Practice.Id);

        await first.InPracticeAsync(scenario.Practice, async sp =>
        {
            var staff = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, scenario.Staff.Id.ToString())], "test"));
            Assert.Null((await sp.GetRequiredService<DocumentLibrary>().CreateFolderAsync(scenario.ClientId, null, "Receipts", true, staff)).Problem);
        });
        await Eventually.TrueAsync(async () => await second.Get<IPracticeDataVersions>().StampAsync(scenario.Practice.Id) > before,
            what: "the other server to learn of the write");
    }

    /// <summary>A page that opts in promises its answer depends on nothing else than the key; each one is a decision, listed here and in docs/architecture.md.</summary>
    [Fact]
    public async Task Only_the_pages_reviewed_for_it_keep_copies()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var pages = app.Services.GetServices<EndpointDataSource>().SelectMany(source => source.Endpoints)
            .Where(e => e.Metadata.GetMetadata<OutputCacheAttribute>() is { PolicyName: SignedInPages.Policy })
            .Select(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath ?? e.DisplayName)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(["/Admin/Documents/Client", "/Admin/Documents/Index", "/Admin/Index", "/Documents/Client", "/Index"], pages);
    }

    private sealed class RecordedBumps : IPracticeDataVersions
    {
        private readonly List<string> _areas = [];

        public IReadOnlyList<string> Areas
        {
            get
            {
                lock (_areas)
                {
                    return [.. _areas];
                }
            }
        }

        public List<string> Take()
        {
            lock (_areas)
            {
                var taken = _areas.ToList();
                _areas.Clear();
                return taken;
            }
        }

        public ValueTask<long> CurrentAsync(Guid practiceId, string area, CancellationToken cancellationToken = default) => ValueTask.FromResult(0L);

        public Task BumpAsync(Guid practiceId, string area, CancellationToken cancellationToken = default)
        {
            lock (_areas)
            {
                _areas.Add(area);
            }

            return Task.CompletedTask;
        }

        public ValueTask<long> StampAsync(Guid practiceId, CancellationToken cancellationToken = default) => ValueTask.FromResult(0L);
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
