using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Clients.Models;
using Portal.Clients.Services;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Identity.Models;
using Portal.Identity.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Clients;

/// <summary>
/// Sessions and client access are read from this server's copies (DatabaseTicketStore,
/// ClientAccessCopies). A change made on another server must still take effect there: the copies are
/// keyed on data versions that every committed change bumps. "Another server" is a second
/// <see cref="PortalApplication"/> on the same databases, with its own memory.
/// </summary>
public sealed class CachedAccessTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task Removing_access_or_ending_sessions_on_one_server_takes_effect_on_the_other(DatabaseProvider provider)
    {
        await using var data = await TestData.CreateAsync(provider);
        await using var first = PortalApplication.StartOn(data);
        var practice = await first.CreatePracticeAsync();
        await using var second = PortalApplication.StartOn(data);
        var client = await first.AddClientRecordAsync(practice, "Jordan Lee");
        var portal = await first.AddPortalAsync(practice, "Lee household", client.Id);
        var user = await first.AddClientAsync(practice);
        await first.GrantAsync(practice, portal.Id, user, PortalAccess.Full);
        var session = await SessionCookieAsync(first, practice, user);

        // The second server reads the session and the access once, and keeps them.
        Assert.Contains("Lee household", await HomeAsync(second, practice, session), StringComparison.Ordinal);
        Assert.Contains("Lee household", await HomeAsync(second, practice, session), StringComparison.Ordinal);

        await first.InPracticeAsync(practice, async sp =>
        {
            var memberships = sp.GetRequiredService<PortalMemberships>();
            var member = (await memberships.MembersAsync(portal.Id)).Single();
            Assert.True(await memberships.RemoveAsync(portal.Id, member.Member.Id));
        });
        await Eventually.TrueAsync(
            async () => !(await ShowsAsync(second, practice, session, "Lee household")),
            what: "the second server to see that the access was removed");

        // The portal chooser needs a signed-in client: a session that ended is sent to the sign-in page.
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(second, practice, session, "portals/choose")).StatusCode);
        await first.InPracticeAsync(practice, sp => sp.GetRequiredService<UserSessions>().EndAllAsync(user.Id));
        await Eventually.TrueAsync(
            async () => (await GetAsync(second, practice, session, "portals/choose")).Headers.Location?.OriginalString.Contains("/account/signin", StringComparison.Ordinal) == true,
            what: "the second server to see that the session ended");
    }

    [Theory, BothDatabases]
    public async Task Writes_bump_the_access_version_once_committed_and_never_when_rolled_back(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var client = await app.AddClientRecordAsync(practice, "Harbour Bakery Ltd", null, ClientKind.Business);
        var before = await VersionAsync(app, practice);

        // Rolled back: nothing changed, nothing to retire.
        await app.InClientsDbAsync(practice, async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Clients.Where(c => c.Id == client.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, "Renamed"));
            await transaction.RollbackAsync();
            return 0;
        });
        Assert.Equal(before, await VersionAsync(app, practice));

        // In a transaction: the version moves at the commit, not at the statement.
        var during = await app.InClientsDbAsync(practice, async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Clients.Where(c => c.Id == client.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, "Harbour Bakery"));
            var inside = await VersionAsync(app, practice);
            await transaction.CommitAsync();
            return inside;
        });
        Assert.Equal(before, during);
        var committed = await VersionAsync(app, practice);
        Assert.True(committed > before);

        // SaveChanges without a transaction of ours, and a statement outside one.
        await app.AddPortalAsync(practice, "Harbour Bakery", client.Id);
        var saved = await VersionAsync(app, practice);
        Assert.True(saved > committed);
        await app.InClientsDbAsync(practice, db => db.PortalClients.Where(pc => pc.ClientId == client.Id).ExecuteDeleteAsync());
        Assert.True(await VersionAsync(app, practice) > saved);

        // Reads and other tables leave it alone.
        var settled = await VersionAsync(app, practice);
        await app.InClientsDbAsync(practice, db => db.Clients.CountAsync());
        await app.InClientsDbAsync(practice, db => db.PendingImports.ExecuteDeleteAsync());
        Assert.Equal(settled, await VersionAsync(app, practice));
    }

    private static Task<long> VersionAsync(PortalApplication app, TenantDescriptor practice)
        => app.Get<IPracticeDataVersions>().CurrentAsync(practice.Id, ClientAccessCopies.Area).AsTask();

    private static async Task<string> SessionCookieAsync(PortalApplication app, TenantDescriptor practice, PortalUser user)
    {
        var response = await app.ClientFor(practice).SubmitFormAsync("account/signin", new() { ["Email"] = user.Email!, ["Password"] = Practices.ClientPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("portal.session=", StringComparison.Ordinal)).Split(';')[0];
    }

    private static async Task<HttpResponseMessage> GetAsync(PortalApplication app, TenantDescriptor practice, string cookie, string path = "")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await app.ClientFor(practice).SendAsync(request);
    }

    private static async Task<bool> ShowsAsync(PortalApplication app, TenantDescriptor practice, string cookie, string text)
    {
        var response = await GetAsync(app, practice, cookie);
        return response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsStringAsync()).Contains(text, StringComparison.Ordinal);
    }

    private static async Task<string> HomeAsync(PortalApplication app, TenantDescriptor practice, string cookie)
    {
        var response = await GetAsync(app, practice, cookie);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
