using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Settings;
using Portal.Notifications.Data;
using Portal.Notifications.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Notifications;

/// <summary>Invitations to portal users wait in the reminders queue until staff review and send them.</summary>
public sealed class ReminderQueueTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task An_invitation_waits_is_previewed_without_issuing_a_link_and_is_sent_with_a_working_one(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var staff = await app.SignedInClientAsync(practice, await app.AddStaffAsync(practice));
        var email = $"invitee-{Guid.NewGuid():N}@clients.example";
        var user = (await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IUserDirectory>().EnsureClientUserAsync(email, "Ivy Invitee"))).User!;

        var outcome = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IUserDirectory>().InviteAsync(user.Id, InvitationMethod.Link));
        Assert.Equal(InvitationOutcome.Queued, outcome.Outcome);

        var dashboard = await staff.GetDocumentAsync("admin");
        Assert.Contains("Portal reminder ready to be sent", dashboard.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var list = await staff.GetDocumentAsync("admin/reminders");
        var row = list.QuerySelector("tr[data-reminder]")!;
        Assert.Contains("Invitation to Ivy Invitee", row.TextContent, StringComparison.Ordinal);
        var id = row.GetAttribute("data-reminder");

        var preview = await staff.GetAsync($"admin/reminders/{id}/preview");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("preview-only", await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await TokensAsync(app, practice, user.Id));

        var send = await staff.PostFormAsync((IHtmlFormElement)row.QuerySelector("form[action*='handler=Send']")!, [], "admin/reminders");
        Assert.Equal(HttpStatusCode.Redirect, send.StatusCode);
        var mail = await MailMessageReader.WaitForAsync(app.PickupDirectory, email);
        var link = new Uri(mail.FindLink("/account/set-password")!);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(practice).GetAsync(link.PathAndQuery)).StatusCode);
        Assert.Equal(0, await ReadyAsync(app, practice));
    }

    [Theory, BothDatabases]
    public async Task Send_all_sends_every_waiting_reminder_once_and_discarded_ones_never(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var staff = await app.SignedInClientAsync(practice, await app.AddStaffAsync(practice));
        var emails = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var email = $"batch{i}-{Guid.NewGuid():N}@clients.example";
            emails.Add(email);
            var user = (await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IUserDirectory>().EnsureClientUserAsync(email, $"Batch {i}"))).User!;
            await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IUserDirectory>().InviteAsync(user.Id, InvitationMethod.Link));
            await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IUserDirectory>().InviteAsync(user.Id, InvitationMethod.Link));
        }

        Assert.Equal(3, await ReadyAsync(app, practice)); // inviting twice does not queue twice
        var list = await staff.GetDocumentAsync("admin/reminders");
        var discard = list.QuerySelectorAll("tr[data-reminder]").First(r => r.TextContent.Contains("Batch 2", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync((IHtmlFormElement)discard.QuerySelector("form[action*='handler=Discard']")!, [], "admin/reminders")).StatusCode);

        var sendAll = await staff.SubmitFormAsync("admin/reminders", [], "form[action*='handler=SendAll']");
        Assert.Equal(HttpStatusCode.Redirect, sendAll.StatusCode);
        await MailMessageReader.WaitForAsync(app.PickupDirectory, emails[0]);
        await MailMessageReader.WaitForAsync(app.PickupDirectory, emails[1]);
        Assert.Equal(0, await ReadyAsync(app, practice));

        // Send all wrote every e-mail it sent to the outbox before answering: the discarded one is not among them.
        var queuedTo = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<Portal.Core.Data.CoreTenantDbContext>().OutboxMessages.AsNoTracking().Select(m => m.To).ToListAsync());
        Assert.Contains(queuedTo, to => to.Contains(emails[0], StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(queuedTo, to => to.Contains(emails[2], StringComparison.OrdinalIgnoreCase));
        var discarded = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<NotificationsDbContext>().Reminders.AsNoTracking().SingleAsync(r => r.Recipient == emails[2]));
        Assert.Equal(ReminderState.Discarded, discarded.State);
        Assert.Null(discarded.OutboxMessageId);
    }

    [Theory, BothDatabases]
    public async Task A_reminder_that_cannot_be_composed_stays_waiting_says_why_and_does_not_stop_the_others(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var staff = await app.SignedInClientAsync(practice, await app.AddStaffAsync(practice));

        // The oldest waiting reminder belongs to a module that no longer composes it.
        var orphan = Guid.CreateVersion7();
        await app.InPracticeAsync(practice, async sp =>
        {
            var db = sp.GetRequiredService<NotificationsDbContext>();
            db.Reminders.Add(new PortalReminder { Id = orphan, Kind = "retired.module", Recipient = "orphan@clients.example", Summary = "Orphan", State = ReminderState.Ready, CreatedAt = DateTime.UtcNow.AddHours(-1) });
            await db.SaveChangesAsync();
        });
        var email = $"after-{Guid.NewGuid():N}@clients.example";
        var user = (await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IUserDirectory>().EnsureClientUserAsync(email, "Ada After"))).User!;
        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IUserDirectory>().InviteAsync(user.Id, InvitationMethod.Link));

        var sendAll = await staff.SubmitFormAsync("admin/reminders", [], "form[action*='handler=SendAll']");
        Assert.Equal(HttpStatusCode.Redirect, sendAll.StatusCode);
        await MailMessageReader.WaitForAsync(app.PickupDirectory, email);
        var page = await staff.GetDocumentAsync("admin/reminders");
        Assert.Contains("The reminder to orphan@clients.example was not sent", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);

        var kept = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<NotificationsDbContext>().Reminders.AsNoTracking().SingleAsync(r => r.Id == orphan));
        Assert.Equal(ReminderState.Ready, kept.State);
        Assert.Null(kept.SentAt);
        Assert.Null(kept.SentBy);
    }

    [Fact]
    public async Task Without_review_invitations_go_at_once()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var practice = await app.CreatePracticeAsync();
        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<SiteSettingsStore>().SaveAsync(new ReminderSettings { ReviewBeforeSending = false }));
        var email = $"direct-{Guid.NewGuid():N}@clients.example";
        var user = (await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IUserDirectory>().EnsureClientUserAsync(email, "Direct"))).User!;

        var outcome = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IUserDirectory>().InviteAsync(user.Id, InvitationMethod.Link));
        Assert.Equal(InvitationOutcome.Sent, outcome.Outcome);
        await MailMessageReader.WaitForAsync(app.PickupDirectory, email);
    }

    [Theory, BothDatabases]
    public async Task Staff_who_sign_out_with_unsent_reminders_are_asked_about_them(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var staffUser = await app.AddStaffAsync(practice);
        var staff = await app.SignedInClientAsync(practice, staffUser);
        var user = (await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IUserDirectory>().EnsureClientUserAsync($"w-{Guid.NewGuid():N}@clients.example", "Waiting"))).User!;
        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IUserDirectory>().InviteAsync(user.Id, InvitationMethod.Link));

        var token = await staff.AntiforgeryTokenAsync("admin");
        var asked = await staff.PostAsync("account/signout", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var page = HtmlForms.Parse(await asked.Content.ReadAsStringAsync());
        Assert.Contains("1 portal reminder is ready to be sent.", page.QuerySelector("[data-testid=signout-notice]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("admin")).StatusCode); // still signed in

        var confirmed = await staff.PostAsync("account/signout", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("confirmed", "true")]));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.GetAsync("admin")).StatusCode);
    }

    private static Task<int> ReadyAsync(PortalApplication app, Portal.Core.Tenancy.TenantDescriptor practice)
        => app.InPracticeAsync(practice, sp => sp.GetRequiredService<NotificationsDbContext>().Reminders.CountAsync(r => r.State == ReminderState.Ready));

    private static Task<int> TokensAsync(PortalApplication app, Portal.Core.Tenancy.TenantDescriptor practice, Guid userId)
        => app.InPracticeAsync(practice, sp => sp.GetRequiredService<CoreTenantDbContext>().OneTimeLinks.CountAsync(l => l.SubjectId == userId));
}
