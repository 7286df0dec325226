using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Projects;

/// <summary>
/// Every project page and handler, for every kind of outsider: anonymous, another practice, another
/// portal's user, a contributor without a share, staff without the projects permission. None gets the
/// project; the owners do, and a contributor once a file of the project's folder is shared with them.
/// </summary>
public sealed class ProjectsAccessTests(ClassApps apps) : IClassFixture<ClassApps>
{
    [Theory, BothDatabases]
    public async Task Outsiders_get_nothing_from_any_project_page(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var scenario = await ProjectsScenario.CreateAsync(app);
        var project = await scenario.CreateProjectAsync("Secret year-end");
        await scenario.SendFileAsync(project, "Secret statements.pdf");
        var other = await ProjectsScenario.CreateAsync(app);
        var foreignCookie = await ForeignCookieAsync(app, other);

        var outsiders = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = app.ClientFor(scenario.Practice),
            ["another practice's administrator"] = WithCookie(app.ClientFor(scenario.Practice), foreignCookie),
            ["another portal's user"] = await app.SignedInClientAsync(scenario.Practice, scenario.OtherPortalUser),
            ["a contributor without a share"] = await app.SignedInClientAsync(scenario.Practice, scenario.Contributor),
            ["staff without the projects permission"] = await app.SignedInClientAsync(scenario.Practice, scenario.NoRoleStaff),
        };
        var requests = new (string Method, string Path)[]
        {
            ("GET", $"projects/{project.Id}"),
            ("POST", $"projects/{project.Id}?handler=Thread"),
            ("GET", "admin/projects"),
            ("GET", $"admin/projects/{project.Id}"),
            ("POST", $"admin/projects/{project.Id}?handler=Status"),
            ("POST", $"admin/projects/{project.Id}?handler=Edit"),
            ("POST", $"admin/projects/{project.Id}?handler=Thread"),
            ("GET", $"admin/projects/clients/{scenario.ClientId}"),
            ("POST", $"admin/projects/clients/{scenario.ClientId}"),
            ("GET", "admin/projects/statuses"),
            ("POST", "admin/projects/statuses?handler=Add"),
        };

        var failures = new List<string>();
        foreach (var (who, browser) in outsiders)
        {
            // Signed-in outsiders post with their own session's antiforgery token, so only access rules can refuse them.
            var token = who is "anonymous" or "another practice's administrator" ? null : await browser.AntiforgeryTokenAsync("account/change-password");
            foreach (var (method, path) in requests)
            {
                using var response = await SendAsync(browser, method, path, token);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.OK || body.Contains("Secret year-end", StringComparison.Ordinal) || body.Contains("Secret statements", StringComparison.Ordinal))
                {
                    failures.Add($"{who}: {method} {path} answered {(int)response.StatusCode}");
                }
            }

            // The list of projects a client user opens shows nothing of this project.
            if (who is "another portal's user" or "a contributor without a share")
            {
                var list = await browser.GetStringAsync("projects");
                if (list.Contains("Secret year-end", StringComparison.Ordinal))
                {
                    failures.Add($"{who}: /projects lists the project");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));

        // The owners: the full-access user and staff see it.
        var owner = await app.SignedInClientAsync(scenario.Practice, scenario.ClientUser);
        Assert.Contains("Secret statements.pdf", await owner.GetStringAsync($"projects/{project.Id}"), StringComparison.Ordinal);
        var staff = await app.SignedInClientAsync(scenario.Practice, scenario.Staff);
        Assert.Contains("Secret statements.pdf", await staff.GetStringAsync($"admin/projects/{project.Id}"), StringComparison.Ordinal);

        // A contributor sees the project once its folder is shared with them, with its files.
        await scenario.ShareFolderAsync(project, scenario.Contributor);
        var contributor = outsiders["a contributor without a share"];
        Assert.Contains("Secret year-end", await contributor.GetStringAsync("projects"), StringComparison.Ordinal);
        Assert.Contains("Secret statements.pdf", await contributor.GetStringAsync($"projects/{project.Id}"), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_contributor_shared_an_older_file_sees_the_project_and_that_file_only_and_opens_no_thread(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var scenario = await ProjectsScenario.CreateAsync(app, "Portal.Messages");
        var project = await scenario.CreateProjectAsync("Shared year-end");
        var shared = await scenario.SendFileAsync(project, "Shared trial balance.pdf");
        await scenario.ShareDocumentAsync(shared, scenario.Contributor);
        for (var i = 0; i < 3; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            await scenario.SendFileAsync(project, $"Private memo {i}.pdf");
        }

        var contributor = await app.SignedInClientAsync(scenario.Practice, scenario.Contributor);
        Assert.Contains("Shared year-end", await contributor.GetStringAsync("projects"), StringComparison.Ordinal);
        var page = await contributor.GetStringAsync($"projects/{project.Id}");
        Assert.Contains("Shared trial balance.pdf", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Private memo", page, StringComparison.Ordinal);

        // Contributors see no project threads: no button, and the handler neither opens nor makes one.
        Assert.DoesNotContain("handler=Thread", page, StringComparison.Ordinal);
        var token = await contributor.AntiforgeryTokenAsync("account/change-password");
        var thread = await contributor.PostAsync($"projects/{project.Id}?handler=Thread", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, thread.StatusCode);
        Assert.False(await scenario.InPracticeAsync(sp => sp.GetRequiredService<Portal.Messages.Data.MessagesDbContext>().Threads.AnyAsync(t => t.TopicId == project.Id)));
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient browser, string method, string path, string? token)
    {
        if (method == "GET")
        {
            return await browser.GetAsync(path);
        }

        var fields = token is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Name"] = "Intruder" };
        return await browser.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private static HttpClient WithCookie(HttpClient client, string cookie)
    {
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private static async Task<string> ForeignCookieAsync(PortalApplication app, ProjectsScenario other)
    {
        var response = await app.ClientFor(other.Practice).SubmitFormAsync("account/signin", new() { ["Email"] = other.Admin.Email!, ["Password"] = Practices.StaffPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("portal.session=", StringComparison.Ordinal)).Split(';')[0];
    }
}
