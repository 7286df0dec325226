using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Jobs;
using Portal.Core.Mail;
using Portal.Core.Settings;
using Portal.Messages.Services;
using Portal.Notifications.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Messages;

/// <summary>N messages in a minute make one e-mail per person and thread, which says a message is waiting and never holds its text.</summary>
public sealed class MessageNoticeTests(ClassApps apps) : IClassFixture<ClassApps>
{
    [Theory, BothDatabases]
    public async Task Three_answers_in_a_minute_make_one_email_to_the_client_without_the_text(DatabaseProvider provider)
    {
        var scenario = await MessagesScenario.CreateAsync(await apps.For(provider));
        await scenario.InPracticeAsync(async sp =>
        {
            await sp.GetRequiredService<SiteSettingsStore>().SaveAsync(new ReminderSettings { ReviewBeforeSending = false });
            return true;
        });
        var client = await scenario.BrowserAsync(scenario.Documents.ClientUser);
        var thread = await scenario.ContactAsync(client, "Tax Question", "When is my return due?");
        var staff = await scenario.BrowserAsync(scenario.Documents.Staff);
        string[] answers = ["It is due on 30 April.", "Self-employed: 15 June, but pay by 30 April.", "Secret detail: your refund is 1,234.56."];
        foreach (var answer in answers)
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, (await MessagesScenario.ReplyAsync(staff, $"admin/messages/{thread}", answer)).StatusCode);
        }

        Assert.Empty(MailsTo(scenario, scenario.Documents.ClientUser.Email!));
        scenario.App.Clock.Advance(MessageNotices.Window + TimeSpan.FromMinutes(1));
        var mail = await MailMessageReader.WaitForAsync(scenario.App.PickupDirectory, scenario.Documents.ClientUser.Email!);
        await WaitForNoticeJobsAsync(scenario);

        Assert.Single(MailsTo(scenario, scenario.Documents.ClientUser.Email!));
        Assert.Contains("new secure message", mail.Subject, StringComparison.Ordinal);
        Assert.NotNull(mail.FindLink($"/messages/{thread}"));
        foreach (var answer in answers.Append("When is my return due?"))
        {
            Assert.DoesNotContain(answer, mail.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(answer, mail.Html, StringComparison.Ordinal);
        }

        // The contributor did not start the thread, so hears nothing of it.
        Assert.Empty(MailsTo(scenario, scenario.Documents.Contributor.Email!));
    }

    [Theory, BothDatabases]
    public async Task Client_messages_to_a_thread_nobody_holds_are_mailed_once_to_the_practice_and_to_an_assignee_once(DatabaseProvider provider)
    {
        var scenario = await MessagesScenario.CreateAsync(await apps.For(provider));
        var office = $"office-{Guid.NewGuid():N}@practice.example";
        await scenario.InPracticeAsync(async sp =>
        {
            await sp.GetRequiredService<SiteSettingsStore>().SaveAsync(new SiteSettings { ContactEmail = office });
            return true;
        });
        var client = await scenario.BrowserAsync(scenario.Documents.ClientUser);
        var thread = await scenario.StartAsync(client, "Question", "First.");
        await MessagesScenario.ReplyAsync(client, $"messages/{thread}", "Second.");
        await MessagesScenario.ReplyAsync(client, $"messages/{thread}", "Third.");

        scenario.App.Clock.Advance(MessageNotices.Window + TimeSpan.FromMinutes(1));
        var mail = await MailMessageReader.WaitForAsync(scenario.App.PickupDirectory, office);
        await WaitForNoticeJobsAsync(scenario);
        Assert.Single(MailsTo(scenario, office));
        Assert.NotNull(mail.FindLink($"/admin/messages/{thread}"));
        Assert.DoesNotContain("Second.", mail.Text, StringComparison.Ordinal);

        // Assigned to a staff member, the next batch goes to them alone.
        var admin = await scenario.BrowserAsync(scenario.Documents.Admin);
        var assign = await admin.SubmitFormAsync($"admin/messages/{thread}", new() { ["assignTo"] = scenario.Documents.Staff.Id.ToString() }, "[data-testid=assign-form]");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, assign.StatusCode);
        await MessagesScenario.ReplyAsync(client, $"messages/{thread}", "Fourth.");
        await MessagesScenario.ReplyAsync(client, $"messages/{thread}", "Fifth.");
        scenario.App.Clock.Advance(MessageNotices.Window + TimeSpan.FromMinutes(1));
        await MailMessageReader.WaitForAsync(scenario.App.PickupDirectory, scenario.Documents.Staff.Email!);
        await WaitForNoticeJobsAsync(scenario);
        Assert.Single(MailsTo(scenario, scenario.Documents.Staff.Email!));
        Assert.Single(MailsTo(scenario, office));
    }

    private static Task WaitForNoticeJobsAsync(MessagesScenario scenario)
        => Eventually.TrueAsync(
            async () =>
            {
                await using var host = await scenario.App.Get<IDbContextFactory<HostDbContext>>().CreateDbContextAsync();
                var jobs = await host.Jobs.AsNoTracking()
                    .Where(j => j.Tenant == scenario.Practice.Name && (j.Type == MessageNoticeHandler.JobType || j.Type == SendOutboxMessageHandler.JobType))
                    .ToListAsync();
                return jobs.Any(j => j.Type == MessageNoticeHandler.JobType) && jobs.All(j => j.State == JobState.Succeeded);
            },
            what: "the notice jobs and the e-mails they queued to be done");

    private static List<string> MailsTo(MessagesScenario scenario, string address)
        => Directory.Exists(scenario.App.PickupDirectory)
            ? Directory.GetFiles(scenario.App.PickupDirectory).Where(f => MailMessageReader.Parse(File.ReadAllText(f)).To.Contains(address, StringComparison.OrdinalIgnoreCase)).ToList()
            : [];
}
