using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Identity.Models;
using Portal.Tasks.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Tasks;

public sealed class ReminderLinkTests(ClassApps apps) : IClassFixture<ClassApps>
{
    [Theory, BothDatabases]
    public async Task A_reminder_link_signs_its_client_in_once_from_the_button_and_opens_the_request(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var scenario = await TasksScenario.CreateAsync(app);
        var task = await scenario.CreateTaskAsync("Slips", ["T4 slip"]);
        var path = await LinkPathAsync(app, scenario, task.Id, scenario.ClientUser.Id);

        // Fetching the link (a mail scanner does) shows the button and uses nothing up.
        var browser = app.ClientFor(scenario.Practice);
        var offered = await browser.GetDocumentAsync(path);
        Assert.NotNull(offered.QuerySelector("[data-testid=link-open] form[method=post]"));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("tasks")).StatusCode);

        // The button signs the client in and lands on the request.
        var opened = await browser.PostFormAsync((IHtmlFormElement)offered.QuerySelector("[data-testid=link-open] form")!, [], path);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.EndsWith($"/tasks/{task.Id}", opened.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var request = await browser.GetAsync($"tasks/{task.Id}");
        Assert.Equal(HttpStatusCode.OK, request.StatusCode);
        Assert.Contains("T4 slip", await request.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(TaskAuditActions.LinkFollowed, await scenario.AuditActionsAsync(task.Id));

        // Used once, in any browser; a mangled one is not valid.
        var another = app.ClientFor(scenario.Practice);
        Assert.Equal(HttpStatusCode.Gone, (await another.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await another.GetAsync("tasks/link?token=cut-short")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Signed_in_its_person_goes_straight_to_the_request_and_someone_else_cannot_use_it(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var scenario = await TasksScenario.CreateAsync(app);
        var task = await scenario.CreateTaskAsync("Slips", ["T4 slip"]);
        var path = await LinkPathAsync(app, scenario, task.Id, scenario.ClientUser.Id);

        // Someone else signed in cannot use it, and does not use it up.
        var contributor = await app.SignedInClientAsync(scenario.Practice, scenario.Contributor);
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.GetAsync(path)).StatusCode);

        var client = await app.SignedInClientAsync(scenario.Practice, scenario.ClientUser);
        var opened = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.EndsWith($"/tasks/{task.Id}", opened.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, (await client.GetAsync(path)).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_client_with_a_second_factor_is_not_signed_in_by_the_link_but_sent_to_sign_in_and_back(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var scenario = await TasksScenario.CreateAsync(app);
        var task = await scenario.CreateTaskAsync("Slips", ["T4 slip"]);
        await app.InPracticeAsync(scenario.Practice, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var user = await users.FindByIdAsync(scenario.ClientUser.Id.ToString());
            await users.SetTwoFactorEnabledAsync(user!, true);
        });
        var path = await LinkPathAsync(app, scenario, task.Id, scenario.ClientUser.Id);

        var browser = app.ClientFor(scenario.Practice);
        var opened = await browser.SubmitFormAsync(path, [], "[data-testid=link-open] form");

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var location = Uri.UnescapeDataString(opened.Headers.Location!.OriginalString);
        Assert.Contains("/account/signin", location, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith($"returnUrl=/tasks/{task.Id}", location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync($"tasks/{task.Id}")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_link_older_than_a_day_or_for_someone_no_longer_in_the_portal_leads_to_sign_in_instead(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var scenario = await TasksScenario.CreateAsync(app);
        var task = await scenario.CreateTaskAsync("Slips", ["T4 slip"]);
        var old = await LinkPathAsync(app, scenario, task.Id, scenario.ClientUser.Id);
        app.Clock.Advance(RequestLinks.SignInWindow + TimeSpan.FromMinutes(1));

        // Still within its 7 days: it is used up and leads to the request, through a normal sign-in.
        var browser = app.ClientFor(scenario.Practice);
        var opened = await browser.SubmitFormAsync(old, [], "[data-testid=link-open] form");
        Assert.Contains("/account/signin", opened.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await browser.GetAsync(old)).StatusCode);

        // A fresh link for a contributor the task is not assigned to does not sign them in either.
        var fresh = await LinkPathAsync(app, scenario, task.Id, scenario.Contributor.Id);
        var contributor = app.ClientFor(scenario.Practice);
        var refused = await contributor.SubmitFormAsync(fresh, [], "[data-testid=link-open] form");
        Assert.Contains("/account/signin", refused.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, (await contributor.GetAsync("tasks")).StatusCode);
    }

    private static async Task<string> LinkPathAsync(PortalApplication app, TasksScenario scenario, Guid taskId, Guid userId)
    {
        var token = await app.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<RequestLinks>().IssueAsync(taskId, userId, default));
        return $"tasks/link?token={Uri.EscapeDataString(token)}";
    }
}
