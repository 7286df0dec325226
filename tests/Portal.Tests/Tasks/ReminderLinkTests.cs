using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Tasks.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Tasks;

public sealed class ReminderLinkTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task A_reminder_link_opens_the_request_once_and_only_for_its_person(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var scenario = await TasksScenario.CreateAsync(app);
        var task = await scenario.CreateTaskAsync("Slips", ["T4 slip"]);
        var token = await app.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<RequestLinks>().IssueAsync(task.Id, scenario.ClientUser.Id, default));
        var path = $"tasks/link?token={Uri.EscapeDataString(token)}";

        // Not signed in: the page asks to sign in and keeps the link for afterwards; it signs nobody in.
        var anonymous = await app.ClientFor(scenario.Practice).GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Contains("data-testid=\"link-sign-in\"", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Someone else signed in cannot use it, and does not use it up.
        var contributor = await app.SignedInClientAsync(scenario.Practice, scenario.Contributor);
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.GetAsync(path)).StatusCode);

        var client = await app.SignedInClientAsync(scenario.Practice, scenario.ClientUser);
        var opened = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.EndsWith($"/tasks/{task.Id}", opened.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains(TaskAuditActions.LinkFollowed, await scenario.AuditActionsAsync(task.Id));

        // Used once; a mangled one is not valid.
        Assert.Equal(HttpStatusCode.Gone, (await client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("tasks/link?token=cut-short")).StatusCode);
    }
}
