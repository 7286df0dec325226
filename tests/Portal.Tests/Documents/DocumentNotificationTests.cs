using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Jobs;
using Portal.Core.Mail;
using Portal.Core.Settings;
using Portal.Documents.Services;
using Portal.Notifications.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Documents;

/// <summary>One notice per batch: the client hears once about files sent together, the practice once per client upload batch.</summary>
public sealed class DocumentNotificationTests(ClassApps apps) : IClassFixture<ClassApps>
{
    [Theory, BothDatabases]
    public async Task Two_files_sent_together_make_one_reminder_per_portal_user(DatabaseProvider provider)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(provider));
        var staff = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Staff);
        var tus = new TusClient(staff);
        var batch = Guid.NewGuid();
        await tus.UploadAsync(DocumentsScenario.Pdf(5000, 1), "One.pdf", scenario.ClientId, batchId: batch);
        await tus.UploadAsync(DocumentsScenario.Pdf(5000, 2), "Two.pdf", scenario.ClientId, batchId: batch);

        var token = (await staff.GetDocumentAsync($"admin/documents/clients/{scenario.ClientId}")).QuerySelector("[data-uploader]")!.GetAttribute("data-antiforgery")!;
        var complete = new HttpRequestMessage(HttpMethod.Post, $"documents/{scenario.ClientId}/batches/{batch}/complete");
        complete.Headers.Add("RequestVerificationToken", token);
        Assert.Equal(HttpStatusCode.OK, (await staff.SendAsync(complete)).StatusCode);

        var reminders = await scenario.App.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<NotificationsDbContext>().Reminders.Where(r => r.Kind == "documents.sent").ToListAsync());
        // The full-access user hears of both files in one reminder; the contributor has no share, so nothing.
        var reminder = Assert.Single(reminders);
        Assert.Equal(scenario.ClientUser.Email, reminder.Recipient);
        Assert.Contains("2 new documents", reminder.Summary, StringComparison.Ordinal);

        // Completing the batch again (or the fallback job) announces nothing twice.
        var again = new HttpRequestMessage(HttpMethod.Post, $"documents/{scenario.ClientId}/batches/{batch}/complete");
        again.Headers.Add("RequestVerificationToken", token);
        await staff.SendAsync(again);
        Assert.Equal(1, await scenario.App.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<NotificationsDbContext>().Reminders.CountAsync(r => r.Kind == "documents.sent")));
    }

    [Theory, BothDatabases]
    public async Task A_contributor_hears_of_a_file_sent_into_a_subfolder_of_a_folder_shared_with_them(DatabaseProvider provider)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(provider));
        var subfolder = await scenario.App.InPracticeAsync(scenario.Practice, async sp =>
        {
            var library = sp.GetRequiredService<Portal.Documents.Services.DocumentLibrary>();
            var nobody = new System.Security.Claims.ClaimsPrincipal();
            var shared = (await library.CreateFolderAsync(scenario.ClientId, null, "Statements", false, nobody)).Folder!;
            await library.ShareAsync(scenario.ClientId, null, shared.Id, scenario.Contributor.Id, nobody);
            return (await library.CreateFolderAsync(scenario.ClientId, shared.Id, "2026", false, nobody)).Folder!.Id;
        });
        var staff = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Staff);
        var batch = Guid.NewGuid();
        await new TusClient(staff).UploadAsync(DocumentsScenario.Pdf(5000, 3), "September.pdf", scenario.ClientId, subfolder, batchId: batch);

        var token = (await staff.GetDocumentAsync($"admin/documents/clients/{scenario.ClientId}")).QuerySelector("[data-uploader]")!.GetAttribute("data-antiforgery")!;
        var complete = new HttpRequestMessage(HttpMethod.Post, $"documents/{scenario.ClientId}/batches/{batch}/complete");
        complete.Headers.Add("RequestVerificationToken", token);
        Assert.Equal(HttpStatusCode.OK, (await staff.SendAsync(complete)).StatusCode);

        // The contributor can open the file (the share covers everything below the folder), so they hear of it too.
        var recipients = await scenario.App.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<NotificationsDbContext>().Reminders
            .Where(r => r.Kind == "documents.sent").Select(r => r.Recipient).ToListAsync());
        Assert.Equal(new[] { scenario.ClientUser.Email!, scenario.Contributor.Email! }.Order(StringComparer.Ordinal), recipients.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_client_upload_batch_is_mailed_to_the_practice_once()
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(DatabaseProvider.Sqlite));
        var practiceAddress = $"office-{Guid.NewGuid():N}@practice.example";
        await scenario.App.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<SiteSettingsStore>().SaveAsync(new SiteSettings { ContactEmail = practiceAddress }));
        var client = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.ClientUser);
        var tus = new TusClient(client);
        var batch = Guid.NewGuid();
        await tus.UploadAsync(DocumentsScenario.Pdf(5000, 1), "Slip A.pdf", scenario.ClientId, batchId: batch);
        await tus.UploadAsync(DocumentsScenario.Pdf(5000, 2), "Slip B.pdf", scenario.ClientId, batchId: batch);

        var token = (await client.GetDocumentAsync($"documents/{scenario.ClientId}")).QuerySelector("[data-uploader]")!.GetAttribute("data-antiforgery")!;
        var complete = new HttpRequestMessage(HttpMethod.Post, $"documents/{scenario.ClientId}/batches/{batch}/complete");
        complete.Headers.Add("RequestVerificationToken", token);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(complete)).StatusCode);

        var mail = await MailMessageReader.WaitForAsync(scenario.App.PickupDirectory, practiceAddress);
        Assert.Contains("uploaded 2 documents", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Slip A.pdf", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Slip B.pdf", mail.Text, StringComparison.Ordinal);

        // The quiet period passes: each upload's fallback notice runs too, and finds nothing left to tell.
        scenario.App.Clock.Advance(TimeSpan.FromMinutes(6));
        await WaitForNoticesAndMailAsync(scenario, notices: 2);
        Assert.Single(MailsTo(scenario, practiceAddress));
    }

    [Theory, BothDatabases]
    public async Task A_client_upload_batch_the_browser_never_completes_is_mailed_to_the_practice_once_after_the_quiet_period(DatabaseProvider provider)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(provider));
        var practiceAddress = $"office-{Guid.NewGuid():N}@practice.example";
        await scenario.App.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<SiteSettingsStore>().SaveAsync(new SiteSettings { ContactEmail = practiceAddress }));
        var tus = new TusClient(await scenario.App.SignedInClientAsync(scenario.Practice, scenario.ClientUser));
        var batch = Guid.NewGuid();
        await tus.UploadAsync(DocumentsScenario.Pdf(5000, 1), "Receipt one.pdf", scenario.ClientId, batchId: batch);
        await tus.UploadAsync(DocumentsScenario.Pdf(5000, 2), "Receipt two.pdf", scenario.ClientId, batchId: batch);

        // The browser closed before saying the batch was complete; each upload's event queues a notice for after the quiet period.
        var waiting = await Eventually.GetAsync(async () => await NoticeJobsAsync(scenario) is { Count: 2 } jobs ? jobs : null, what: "a notice job per upload");
        Assert.All(waiting, j => Assert.Equal(JobState.Pending, j.State));
        Assert.Empty(MailsTo(scenario, practiceAddress));

        scenario.App.Clock.Advance(TimeSpan.FromMinutes(6));
        var mail = await MailMessageReader.WaitForAsync(scenario.App.PickupDirectory, practiceAddress);
        Assert.Contains("uploaded 2 documents", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Receipt one.pdf", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Receipt two.pdf", mail.Text, StringComparison.Ordinal);
        await WaitForNoticesAndMailAsync(scenario, notices: 2);
        Assert.Single(MailsTo(scenario, practiceAddress));
    }

    [Theory, BothDatabases]
    public async Task A_batch_still_receiving_files_waits_for_its_last_upload_and_is_announced_in_one_mail(DatabaseProvider provider)
    {
        // A long quiet period: the queued jobs stay in the future, and the test runs the notice itself.
        await using var app = await PortalApplication.StartAsync(provider, o => o.Set("Portal:Documents:StaffNoticeDelay", "01:00:00"));
        var scenario = await DocumentsScenario.CreateAsync(app);
        var practiceAddress = $"office-{Guid.NewGuid():N}@practice.example";
        await app.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<SiteSettingsStore>().SaveAsync(new SiteSettings { ContactEmail = practiceAddress }));
        var client = await app.SignedInClientAsync(scenario.Practice, scenario.ClientUser);
        var tus = new TusClient(client);
        var batch = Guid.NewGuid();
        await tus.UploadAsync(DocumentsScenario.Pdf(5000, 1), "Slip A.pdf", scenario.ClientId, batchId: batch);
        await tus.UploadAsync(DocumentsScenario.Pdf(5000, 2), "Slip B.pdf", scenario.ClientId, batchId: batch);

        // The first upload's notice, run while the batch's last upload is inside its quiet period, leaves it alone.
        var early = new DocumentNotice(scenario.ClientId, batch, null, AfterQuietPeriod: true);
        Assert.Equal(0, await app.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<DocumentNotifications>().RunQueuedNoticeAsync(early, default)));
        Assert.Equal(0, await OutboxCountAsync(scenario, practiceAddress));

        // Two workers announcing the same batch at once: each file is claimed by one of them.
        var counts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<DocumentNotifications>().NotifyAsync(scenario.ClientId, batch, null, default))));
        Assert.Equal(2, counts.Sum());
        Assert.Equal(1, await OutboxCountAsync(scenario, practiceAddress));
    }

    private static Task<int> OutboxCountAsync(DocumentsScenario scenario, string to)
        => scenario.App.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<CoreTenantDbContext>().OutboxMessages.CountAsync(m => m.To == to));

    [Theory, BothDatabases]
    public async Task A_waiting_notice_lists_only_what_is_still_there_when_it_is_sent(DatabaseProvider provider)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(provider));
        var staff = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Staff);
        var admin = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Admin);
        var tus = new TusClient(staff);
        var batch = Guid.NewGuid();
        await tus.UploadAsync(DocumentsScenario.Pdf(5000, 1), "Kept letter.pdf", scenario.ClientId, batchId: batch);
        await tus.UploadAsync(DocumentsScenario.Pdf(5000, 2), "Sent by mistake.pdf", scenario.ClientId, batchId: batch);
        await CompleteAsync(staff, scenario, batch);

        // The reminder waits for review; meanwhile one of its files goes to the trash.
        var list = await admin.GetDocumentAsync($"admin/documents/clients/{scenario.ClientId}");
        var mistake = list.QuerySelectorAll("tr[data-document]").Single(r => r.TextContent.Contains("Sent by mistake.pdf", StringComparison.Ordinal)).GetAttribute("data-document")!;
        var token = list.QuerySelector("#document-list input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await admin.PostAsync($"admin/documents/clients/{scenario.ClientId}?handler=Trash", new FormUrlEncodedContent([new("documents", mistake), new("__RequestVerificationToken", token)]));

        var reminders = await admin.GetDocumentAsync("admin/reminders");
        var row = reminders.QuerySelector("tr[data-reminder]")!;
        Assert.Equal("2 new documents for Lee Family Trust", row.QuerySelector("td")!.TextContent.Trim());
        var preview = await admin.GetStringAsync($"admin/reminders/{row.GetAttribute("data-reminder")}/preview");
        Assert.DoesNotContain("Sent by mistake.pdf", preview, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync((AngleSharp.Html.Dom.IHtmlFormElement)row.QuerySelector("form[action*='handler=Send']")!, [], "admin/reminders")).StatusCode);

        var mail = await MailMessageReader.WaitForAsync(scenario.App.PickupDirectory, scenario.ClientUser.Email!);
        Assert.Contains("Kept letter.pdf", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sent by mistake.pdf", mail.Text + mail.Html, StringComparison.Ordinal);
        Assert.Contains("1 new document for", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("(s)", mail.Text, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_waiting_notice_whose_files_all_went_to_the_trash_is_withdrawn_not_sent(DatabaseProvider provider)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(provider));
        var staff = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Staff);
        var admin = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Admin);
        var batch = Guid.NewGuid();
        await new TusClient(staff).UploadAsync(DocumentsScenario.Pdf(5000, 1), "Wrong client.pdf", scenario.ClientId, batchId: batch);
        await CompleteAsync(staff, scenario, batch);

        var list = await admin.GetDocumentAsync($"admin/documents/clients/{scenario.ClientId}");
        var token = list.QuerySelector("#document-list input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await admin.PostAsync($"admin/documents/clients/{scenario.ClientId}?handler=Trash", new FormUrlEncodedContent([new("documents", list.QuerySelector("tr[data-document]")!.GetAttribute("data-document")!), new("__RequestVerificationToken", token)]));

        var sent = await admin.SubmitFormAsync("admin/reminders", [], "tr[data-reminder] form[action*='handler=Send']");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var page = await admin.GetDocumentAsync("admin/reminders");
        Assert.Contains("no longer there", page.QuerySelector("main [role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("tr[data-reminder]"));
        Assert.False(Directory.Exists(scenario.App.PickupDirectory) && Directory.EnumerateFiles(scenario.App.PickupDirectory)
            .Any(f => File.ReadAllText(f).Contains(scenario.ClientUser.Email!, StringComparison.OrdinalIgnoreCase)));
    }

    private static async Task<List<JobRecord>> NoticeJobsAsync(DocumentsScenario scenario)
    {
        await using var host = await scenario.App.Get<IDbContextFactory<HostDbContext>>().CreateDbContextAsync();
        return await host.Jobs.AsNoTracking().Where(j => j.Tenant == scenario.Practice.Name && j.Type == DocumentNoticeHandler.JobType).ToListAsync();
    }

    /// <summary>Waits until the practice's notice jobs have all run, and so has every e-mail they queued: a second e-mail would be in the folder by then.</summary>
    private static Task WaitForNoticesAndMailAsync(DocumentsScenario scenario, int notices)
        => Eventually.TrueAsync(
            async () =>
            {
                await using var host = await scenario.App.Get<IDbContextFactory<HostDbContext>>().CreateDbContextAsync();
                var jobs = await host.Jobs.AsNoTracking()
                    .Where(j => j.Tenant == scenario.Practice.Name && (j.Type == DocumentNoticeHandler.JobType || j.Type == SendOutboxMessageHandler.JobType))
                    .ToListAsync();
                return jobs.Count(j => j.Type == DocumentNoticeHandler.JobType) >= notices && jobs.All(j => j.State == JobState.Succeeded);
            },
            what: "the notice jobs and the e-mails they queued to be done");

    /// <summary>E-mails addressed to <paramref name="address"/> (by To: every e-mail of a practice carries its contact address as Reply-To).</summary>
    private static List<string> MailsTo(DocumentsScenario scenario, string address)
        => Directory.Exists(scenario.App.PickupDirectory)
            ? Directory.GetFiles(scenario.App.PickupDirectory).Where(f => MailMessageReader.Parse(File.ReadAllText(f)).To.Contains(address, StringComparison.OrdinalIgnoreCase)).ToList()
            : [];

    private static async Task CompleteAsync(HttpClient staff, DocumentsScenario scenario, Guid batch)
    {
        var token = (await staff.GetDocumentAsync($"admin/documents/clients/{scenario.ClientId}")).QuerySelector("[data-uploader]")!.GetAttribute("data-antiforgery")!;
        var complete = new HttpRequestMessage(HttpMethod.Post, $"documents/{scenario.ClientId}/batches/{batch}/complete");
        complete.Headers.Add("RequestVerificationToken", token);
        Assert.Equal(HttpStatusCode.OK, (await staff.SendAsync(complete)).StatusCode);
    }
}
