using System.Net;
using Portal.Core.Data;
using Portal.Tasks.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Tasks;

/// <summary>Comment e-mails, batched per task, side and window. Its own class: it moves the clock past the window.</summary>
public sealed class CommentNoticeTests(ClassApps apps) : IClassFixture<ClassApps>
{
    [Theory, BothDatabases]
    public async Task Comments_in_one_window_make_one_email_per_person_and_never_hold_their_text(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var scenario = await TasksScenario.CreateAsync(app);
        var task = await scenario.CreateTaskAsync("Questions about your rental", []);
        var client = await app.SignedInClientAsync(scenario.Practice, scenario.ClientUser);
        var secrets = new[] { "my SIN is 046 454 286", "the tenant paid cash", "basement unit", "second invoice", "sorry for the delay" };
        foreach (var text in secrets)
        {
            var posted = await client.SubmitFormAsync($"tasks/{task.Id}", new() { ["Comment"] = text }, "form[data-testid=comment-form]");
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }

        // Staff answer twice in the same window: the client's user gets one e-mail for both.
        var staff = await app.SignedInClientAsync(scenario.Practice, scenario.Staff);
        foreach (var text in new[] { "thanks, noted", "which unit?" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitFormAsync($"admin/tasks/{task.Id}", new() { ["Comment"] = text }, "form[data-testid=comment-form]")).StatusCode);
        }

        Assert.Empty(await scenario.MailToAsync(scenario.Staff.Email!));
        app.Clock.Advance(TaskComments.Window + TimeSpan.FromMinutes(1));

        var toStaff = await Eventually.GetAsync(async () => await scenario.MailToAsync(scenario.Staff.Email!) is { Count: > 0 } m ? m : null, what: "the staff member's comments e-mail");
        var toClient = await Eventually.GetAsync(async () => await scenario.MailToAsync(scenario.ClientUser.Email!) is { Count: > 0 } m ? m : null, what: "the client's comments e-mail");
        await Eventually.TrueAsync(async () => (await scenario.InTasksAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Comments, c => c.NotifiedAt == null))) == 0, what: "every comment to be announced");

        Assert.Single(toStaff);
        Assert.Single(toClient);
        Assert.Contains("5 new comments", toStaff[0].TextBody, StringComparison.Ordinal);
        Assert.Contains("2 new comments", toClient[0].TextBody, StringComparison.Ordinal);
        foreach (var mail in toStaff.Concat(toClient))
        {
            foreach (var text in secrets.Append("thanks, noted").Append("which unit?"))
            {
                Assert.DoesNotContain(text, mail.TextBody + mail.HtmlBody + mail.Subject, StringComparison.Ordinal);
            }
        }

        // Nobody else hears of it: the contributor is not assigned.
        Assert.Empty(await scenario.MailToAsync(scenario.Contributor.Email!));
        Assert.Contains(TaskAuditActions.Commented, await scenario.AuditActionsAsync(task.Id));
    }
}
