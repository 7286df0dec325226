using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit.Data;
using Portal.Core.Data;
using Portal.SecureMail.Data;
using Portal.SecureMail.Models;
using Portal.SecureMail.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.SecureMail;

/// <summary>
/// The dashboard's actions as the recipient feels them, through the real unlock page and the real mail
/// server: a resend mails a new working link and the earlier link stops working (one live link per
/// message, so a mislaid e-mail is no way in); revoking makes the link answer 410; re-opening a locked
/// message lets the recipient try the password again.
/// </summary>
public sealed class SentItemsRecipientTests(SecureMailApps apps) : IClassFixture<SecureMailApps>
{
    [Theory, BothDatabases]
    public async Task Resend_mails_a_new_working_link_and_the_old_one_stops_working(DatabaseProvider provider)
    {
        var scenario = await SecureMailScenario.CreateAsync(await apps.WiredAsync(provider));
        var (id, oldToken) = await scenario.PlaceAsync();
        var recipient = await scenario.InPracticeAsync(sp => sp.GetRequiredService<SecureMailDbContext>().Messages.Where(m => m.Id == id).Select(m => m.RecipientEmail).SingleAsync());

        var page = await PressAsync(scenario.AdminBrowser, id, "resend");
        Assert.Equal($"Sent again to {recipient} with a new link. The link in the earlier e-mail no longer works.", page.QuerySelector("[role=status]")?.TextContent);

        var mail = await MailMessageReader.WaitForAsync(TestEnvironment.Maildir, recipient);
        var link = new Uri(mail.FindLink("/secure-mail/open") ?? throw new InvalidOperationException("no link in the e-mail"));
        var newToken = System.Web.HttpUtility.ParseQueryString(link.Query)["token"]!;
        Assert.NotEqual(oldToken, newToken);

        // The mail server took it: the dashboard says so.
        await Eventually.TrueAsync(
            () => scenario.InPracticeAsync(async sp => (await sp.GetRequiredService<SecureMailDbContext>().Messages.AsNoTracking().SingleAsync(m => m.Id == id)).DeliveredAt is not null),
            what: "the delivery to be noted");
        var delivered = await scenario.AdminBrowser.GetDocumentAsync($"/admin/secure-mail/sent/{id}");
        Assert.Equal("Delivered to the mail server", delivered.QuerySelector("[data-testid=status]")?.TextContent);

        var recipientBrowser = scenario.App.ClientFor(scenario.Practice);
        using (var old = await recipientBrowser.GetAsync(SecureMailScenario.OpenPath(oldToken)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        }

        var unlock = await recipientBrowser.SubmitFormAsync(SecureMailScenario.OpenPath(newToken), new() { ["Password"] = SecureMailScenario.Password }, "[data-testid=secure-mail-unlock]");
        Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);
        var opened = await recipientBrowser.GetDocumentAsync(SecureMailScenario.OpenPath(newToken));
        Assert.Contains("The placed secret text", opened.QuerySelector("[data-testid=secure-mail-body]")?.TextContent, StringComparison.Ordinal);

        var stored = await scenario.InPracticeAsync(sp => sp.GetRequiredService<SecureMailDbContext>().Messages.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(1, stored.SendCount);
        Assert.Contains(SecureMailAuditActions.Resent, await AuditAsync(scenario, id));

        var details = await scenario.AdminBrowser.GetDocumentAsync($"/admin/secure-mail/sent/{id}");
        Assert.Equal("Unlocked", details.QuerySelector("[data-testid=status]")?.TextContent);
        Assert.Single(details.QuerySelectorAll("[data-testid=attempts] tbody tr[data-succeeded=True]"));
    }

    [Theory, BothDatabases]
    public async Task Revoke_makes_the_link_answer_410(DatabaseProvider provider)
    {
        var scenario = await SecureMailScenario.CreateAsync(await apps.WiredAsync(provider));
        var (id, token) = await scenario.PlaceAsync();
        var recipientBrowser = scenario.App.ClientFor(scenario.Practice);
        using (var before = await recipientBrowser.GetAsync(SecureMailScenario.OpenPath(token)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await PressAsync(scenario.AdminBrowser, id, "revoke");

        using var after = await recipientBrowser.GetAsync(SecureMailScenario.OpenPath(token));
        Assert.Equal(HttpStatusCode.Gone, after.StatusCode);
        Assert.Contains(SecureMailAuditActions.Revoked, await AuditAsync(scenario, id));
    }

    [Theory, BothDatabases]
    public async Task Reopen_lets_the_recipient_try_the_password_again(DatabaseProvider provider)
    {
        var scenario = await SecureMailScenario.CreateAsync(await apps.WiredAsync(provider));
        var (id, token) = await scenario.PlaceAsync();
        for (var i = 0; i < SecureMessage.MaxFailedAttempts; i++)
        {
            await scenario.App.ClientFor(scenario.Practice).SubmitFormAsync(SecureMailScenario.OpenPath(token), new() { ["Password"] = "not-the-password" }, "[data-testid=secure-mail-unlock]");
        }

        var recipientBrowser = scenario.App.ClientFor(scenario.Practice);
        using (var locked = await recipientBrowser.GetAsync(SecureMailScenario.OpenPath(token)))
        {
            Assert.Equal((HttpStatusCode)423, locked.StatusCode);
        }

        var details = await scenario.AdminBrowser.GetDocumentAsync($"/admin/secure-mail/sent/{id}");
        Assert.Equal("Locked", details.QuerySelector("[data-testid=status]")?.TextContent);
        Assert.Equal(SecureMessage.MaxFailedAttempts, details.QuerySelectorAll("[data-testid=attempts] tbody tr[data-succeeded=False]").Length);

        await PressAsync(scenario.AdminBrowser, id, "reopen");

        var unlock = await recipientBrowser.SubmitFormAsync(SecureMailScenario.OpenPath(token), new() { ["Password"] = SecureMailScenario.Password }, "[data-testid=secure-mail-unlock]");
        Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);
        var opened = await recipientBrowser.GetDocumentAsync(SecureMailScenario.OpenPath(token));
        Assert.Contains("The placed secret text", opened.QuerySelector("[data-testid=secure-mail-body]")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(SecureMailAuditActions.Reopened, await AuditAsync(scenario, id));
    }

    [Theory, BothDatabases]
    public async Task Copy_as_new_opens_the_compose_page_filled_from_the_item(DatabaseProvider provider)
    {
        var scenario = await SecureMailScenario.CreateAsync(await apps.WiredAsync(provider));
        var (id, _) = await scenario.PlaceAsync(m => m.Subject = "Copy me please");
        var details = await scenario.AdminBrowser.GetDocumentAsync($"/admin/secure-mail/sent/{id}");
        var href = details.QuerySelector("[data-testid=copy-as-new]")?.GetAttribute("href") ?? throw new InvalidOperationException("no copy link");
        Assert.Equal($"/admin/secure-mail/compose?copyOf={id}", href);

        var compose = await scenario.AdminBrowser.GetDocumentAsync(href);
        Assert.Equal("Copy me please", compose.QuerySelector<IHtmlInputElement>("input[name='Input.Subject']")?.Value);
    }

    private static Task<List<string>> AuditAsync(SecureMailScenario scenario, Guid id)
        => scenario.InPracticeAsync(sp => sp.GetRequiredService<AuditDbContext>().Events.AsNoTracking().Where(e => e.TargetId == id.ToString()).Select(e => e.Action).ToListAsync());

    private static async Task<IHtmlDocument> PressAsync(HttpClient browser, Guid id, string action)
    {
        var path = $"/admin/secure-mail/sent/{id}";
        var page = await browser.GetDocumentAsync(path);
        var form = page.QuerySelector<IHtmlFormElement>($"form[data-testid={action}]") ?? throw new InvalidOperationException($"no {action} button");
        using var response = await browser.PostFormAsync(form, [], path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await browser.GetDocumentAsync(response.Headers.Location!.OriginalString);
    }
}
