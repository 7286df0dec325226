using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Time;
using Portal.Tasks.Models;
using Portal.Tasks.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Tasks;

/// <summary>The schedule, day by day on the application's test clock. Its own class: it moves the clock by weeks.</summary>
public sealed class RequestReminderTests(ClassApps apps) : IClassFixture<ClassApps>
{
    [Theory, BothDatabases]
    public async Task Reminders_follow_the_practice_schedule_and_stop_when_the_request_is_done(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var scenario = await TasksScenario.CreateAsync(app);
        var start = await app.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<IPracticeClock>().TodayAsync());
        var task = await scenario.CreateTaskAsync("Slips for the 2026 return", ["T4 slip", "RRSP receipts"], dueOn: start.AddDays(10));
        var plain = await scenario.CreateTaskAsync("Sign the engagement letter", [], dueOn: start.AddDays(10));

        // Defaults: 3 days before, on the day, every 7 days after. Each day runs twice: a second run sends nothing.
        var sentOn = new List<int>();
        for (var day = 0; day <= 25; day++)
        {
            // The practice's own daily job may run the same day's reminders beside these runs (the
            // test clock passes its hour): the day's row decides who sends, and exactly one e-mail goes.
            var before = (await scenario.MailToAsync(scenario.ClientUser.Email!)).Count;
            await RunRemindersAsync(scenario);
            await RunRemindersAsync(scenario);
            var today = start.AddDays(day);
            if (await scenario.InTasksAsync(db => db.RemindersSent.AsNoTracking().AnyAsync(r => r.TaskId == task.Id && r.Day == today)))
            {
                await Eventually.TrueAsync(async () => (await scenario.MailToAsync(scenario.ClientUser.Email!)).Count > before, what: $"the day-{day} reminder");
                sentOn.Add(day);
            }

            Assert.Equal(before + (sentOn.LastOrDefault(-1) == day ? 1 : 0), (await scenario.MailToAsync(scenario.ClientUser.Email!)).Count);

            app.Clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal([7, 10, 17, 24], sentOn);
        var mails = await scenario.MailToAsync(scenario.ClientUser.Email!);
        Assert.All(mails, m => Assert.Contains("Slips for the 2026 return", m.Subject, StringComparison.Ordinal));
        Assert.Contains("overdue", mails[^1].Subject, StringComparison.Ordinal);

        // The contributor is not assigned ("everyone" is the full-access users): no reminder for them, nor for the plain task.
        Assert.Empty(await scenario.MailToAsync(scenario.Contributor.Email!));
        Assert.DoesNotContain(mails, m => m.Subject.Contains("engagement", StringComparison.Ordinal));

        // The link in the e-mail is a one-time link that the outbox never shows.
        Assert.All(mails, m => Assert.Contains("/tasks/link?token=", m.TextBody, StringComparison.Ordinal));
        var subject = RequestLinks.SubjectOf(task.Id, scenario.ClientUser.Id);
        var links = await app.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<CoreTenantDbContext>().OneTimeLinks.AsNoTracking()
            .CountAsync(l => l.Purpose == RequestLinks.Purpose && l.SubjectId == subject));
        Assert.Equal(4, links);

        // Done: the day-31 reminder (24 + 7) does not go.
        await app.InPracticeAsync(scenario.Practice, async sp =>
        {
            var db = sp.GetRequiredService<Portal.Tasks.Data.TasksDbContext>();
            await db.Items.Where(i => i.TaskId == task.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.State, RequestItemState.Accepted));
            Assert.True(await sp.GetRequiredService<TaskStore>().CompleteIfAllDoneAsync(task.Id, "test", default));
        });
        app.Clock.Advance(TimeSpan.FromDays(5));
        await RunRemindersAsync(scenario);
        Assert.Equal(4, (await scenario.MailToAsync(scenario.ClientUser.Email!)).Count);
    }

    private static Task<int> RunRemindersAsync(TasksScenario scenario)
        => scenario.App.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<RequestReminders>().SendDueAsync(default));
}
