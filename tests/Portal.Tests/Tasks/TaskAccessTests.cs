using System.Net;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Identity.Models;
using Portal.Tests.Documents;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Tasks;

/// <summary>
/// Every task page with a real task id, as each kind of outsider: anonymous, another practice's
/// administrator, a user of another portal, a contributor the task is not assigned to, and staff
/// without the tasks permissions. (EndpointAccessMatrixTests covers the same pages with made-up ids.)
/// </summary>
public sealed class TaskAccessTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task Only_the_right_people_reach_a_task(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var scenario = await TasksScenario.CreateAsync(app);
        var forEveryone = await scenario.CreateTaskAsync("Everyone's request", ["T4 slip"]);
        var forContributor = await scenario.CreateTaskAsync("Contributor's task", [], everyone: false, assignees: [scenario.Contributor.Id]);
        var item = (await scenario.ItemsAsync(forEveryone.Id)).Single();

        var otherPortalUser = await app.AddClientAsync(scenario.Practice);
        await app.InPracticeAsync(scenario.Practice, sp => ClientsFixtures.CreateClientInPortalAsync(sp, "Other client", [(otherPortalUser.Id, ClientAccessLevel.Full)]));
        var noRoles = await app.AddUserAsync(scenario.Practice, $"noroles-{Guid.NewGuid():N}@example.com", UserKind.Staff, []);
        var other = await app.CreatePracticeAsync();
        var otherAdmin = await app.AddAdministratorAsync(other);

        var outsiders = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = app.ClientFor(scenario.Practice),
            ["another portal's user"] = await app.SignedInClientAsync(scenario.Practice, otherPortalUser),
            ["staff without permissions"] = await app.SignedInClientAsync(scenario.Practice, noRoles),
            ["the contributor (not assigned)"] = await app.SignedInClientAsync(scenario.Practice, scenario.Contributor),
        };
        var otherPractice = await app.SignedInClientAsync(other, otherAdmin);

        foreach (var (who, browser) in outsiders)
        {
            foreach (var path in new[] { $"tasks/{forEveryone.Id}", $"admin/tasks/{forEveryone.Id}" })
            {
                TasksScenario.AssertRefused(await browser.GetAsync(path), $"GET {path} as {who}");
            }

            // With a token from a page they can reach (the sign-out form), so only the task's access rule can stop it.
            var token = (await browser.GetDocumentAsync("")).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
            var post = await browser.PostAsync($"tasks/{forEveryone.Id}?handler=NotAvailable", new FormUrlEncodedContent(new Dictionary<string, string> { ["ItemId"] = item.Id.ToString(), ["Note"] = "no", ["__RequestVerificationToken"] = token }));
            Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        }

        // Another practice's session is not a session here; its own host does not know the task.
        TasksScenario.AssertRefused(await otherPractice.GetAsync($"admin/tasks/{forEveryone.Id}"), "another practice's administrator");
        Assert.Equal(Portal.Tasks.Models.RequestItemState.Waiting, (await scenario.ItemsAsync(forEveryone.Id)).Single().State);

        // The contributor sees the task assigned to them, and only that one in their list; the full-access user sees both.
        var contributor = outsiders["the contributor (not assigned)"];
        Assert.Equal(HttpStatusCode.OK, (await contributor.GetAsync($"tasks/{forContributor.Id}")).StatusCode);
        var contributorList = await contributor.GetStringAsync("tasks");
        Assert.Contains("Contributor&#x27;s task", contributorList, StringComparison.Ordinal);
        Assert.DoesNotContain("Everyone&#x27;s request", contributorList, StringComparison.Ordinal);
        var full = await app.SignedInClientAsync(scenario.Practice, scenario.ClientUser);
        var fullList = await full.GetStringAsync("tasks");
        Assert.Contains("Everyone&#x27;s request", fullList, StringComparison.Ordinal);
        Assert.Contains("Contributor&#x27;s task", fullList, StringComparison.Ordinal);

        // Staff with the permission see it; a client user cannot use the staff pages.
        var staff = await app.SignedInClientAsync(scenario.Practice, scenario.Staff);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"admin/tasks/{forEveryone.Id}")).StatusCode);
        TasksScenario.AssertRefused(await full.GetAsync($"admin/tasks/{forEveryone.Id}"), "a client user on the staff page");
        TasksScenario.AssertRefused(await full.GetAsync("admin/tasks"), "a client user on the staff list");
    }
}
