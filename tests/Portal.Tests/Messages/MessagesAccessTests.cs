using System.Net;
using Portal.Core.Data;
using Portal.Identity.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Messages;

/// <summary>
/// Who sees which conversation: full-access users all of their portal's, contributors only those they
/// started, nobody another portal's; staff need the Messages permission; nobody gets in unsigned.
/// </summary>
public sealed class MessagesAccessTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task A_contributor_sees_and_answers_only_the_threads_they_started(DatabaseProvider provider)
    {
        var scenario = await MessagesScenario.CreateAsync(await apps.For(provider));
        var owner = await scenario.BrowserAsync(scenario.Documents.ClientUser);
        var contributor = await scenario.BrowserAsync(scenario.Documents.Contributor);
        var ownersThread = await scenario.StartAsync(owner, "Our household budget", "Private to the family.");
        var contributorsThread = await scenario.StartAsync(contributor, "Mortgage letter", "The bank needs a letter.");

        var list = await contributor.GetStringAsync("messages");
        Assert.Contains("Mortgage letter", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Our household budget", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await contributor.GetAsync($"messages/{ownersThread}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await contributor.GetAsync($"messages/{ownersThread}?handler=File&fileId={Guid.NewGuid()}")).StatusCode);

        // A reply forged with the contributor's own token on the thread they may not see writes nothing.
        var token = await contributor.AntiforgeryTokenAsync($"messages/{contributorsThread}");
        var forged = await contributor.PostAsync($"messages/{ownersThread}", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.Text", "Sneaky")]));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Single(await scenario.MessagesAsync(ownersThread));

        // The full-access user sees both.
        var ownersList = await owner.GetStringAsync("messages");
        Assert.Contains("Mortgage letter", ownersList, StringComparison.Ordinal);
        Assert.Contains("Our household budget", ownersList, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"messages/{contributorsThread}")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_user_of_another_portal_can_neither_open_nor_answer_a_thread(DatabaseProvider provider)
    {
        var scenario = await MessagesScenario.CreateAsync(await apps.For(provider));
        var thread = await scenario.StartAsync(await scenario.BrowserAsync(scenario.Documents.ClientUser), "Trust deed", "Attached is nothing yet.");
        var outsider = await scenario.BrowserAsync(scenario.OtherPortalUser);
        var ownThread = await scenario.StartAsync(outsider, "Our own question", "Hello.", scenario.OtherClientId);

        Assert.DoesNotContain("Trust deed", await outsider.GetStringAsync("messages"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"messages/{thread}")).StatusCode);
        var token = await outsider.AntiforgeryTokenAsync($"messages/{ownThread}");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync($"messages/{thread}", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.Text", "Hi")]))).StatusCode);

        // Nor start one about a client of another portal: refused at the field.
        var response = await MessagesScenario.PostAsync(outsider, "messages/new", new() { ["Input.ClientId"] = scenario.ClientId.ToString(), ["Input.Subject"] = "x", ["Input.Text"] = "y" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose one of your portal", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await scenario.MessagesAsync(thread));
        Assert.Equal(2, (await scenario.ThreadsAsync()).Count);
    }

    [Theory, BothDatabases]
    public async Task Staff_without_the_messages_permission_and_client_users_are_kept_out_of_the_inbox(DatabaseProvider provider)
    {
        var scenario = await MessagesScenario.CreateAsync(await apps.For(provider));
        var thread = await scenario.StartAsync(await scenario.BrowserAsync(scenario.Documents.ClientUser), "Receipts", "Where do I send them?");
        var noRole = await scenario.App.AddUserAsync(scenario.Practice, $"norole-{Guid.NewGuid():N}@example.com", UserKind.Staff, []);
        var bare = await scenario.BrowserAsync(noRole);
        var client = await scenario.BrowserAsync(scenario.Documents.ClientUser);
        foreach (var path in new[] { "admin/messages", $"admin/messages/{thread}", "admin/messages/reasons" })
        {
            Assert.True(Denied(await bare.GetAsync(path)), $"staff without permission got into {path}");
            Assert.True(Denied(await client.GetAsync(path)), $"a client user got into {path}");
            var anonymous = await scenario.App.ClientFor(scenario.Practice).GetAsync(path);
            Assert.Contains("/account/signin", anonymous.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        }

        // Staff (the default role) answer but do not edit the reasons; the administrator does both.
        var staff = await scenario.BrowserAsync(scenario.Documents.Staff);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"admin/messages/{thread}")).StatusCode);
        Assert.True(Denied(await staff.GetAsync("admin/messages/reasons")));
        Assert.Equal(HttpStatusCode.OK, (await (await scenario.BrowserAsync(scenario.Documents.Admin)).GetAsync("admin/messages/reasons")).StatusCode);
    }

    private static bool Denied(HttpResponseMessage response)
        => response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
            || (response.StatusCode == HttpStatusCode.Redirect && (response.Headers.Location?.OriginalString ?? "").Contains("access-denied", StringComparison.Ordinal));
}
