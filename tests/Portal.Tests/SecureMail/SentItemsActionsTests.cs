using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Portal.Billing.Models;
using Portal.Core.Data;
using Portal.SecureMail.Models;
using Portal.SecureMail.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.SecureMail;

/// <summary>Revoke, re-open and resend from a sent item's page: what each does, its audit entry and message, and who may use it.</summary>
public sealed class SentItemsActionsTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task Revoke_ends_the_message_is_audited_and_says_so(DatabaseProvider provider)
    {
        var scenario = await SentItemsScenario.CreateAsync(await apps.For(provider));
        var message = await scenario.AddAsync(scenario.Admin.Id);
        var browser = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Admin);

        var page = await PressAsync(browser, message.Id, "revoke");
        Assert.Equal("Revoked", page.QuerySelector("[data-testid=status]")?.TextContent);
        Assert.StartsWith("Revoked: the link no longer opens", page.QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=revoke]"));
        var stored = await scenario.ReloadAsync(message.Id);
        Assert.NotNull(stored.RevokedAt);
        Assert.NotEqual(message.SessionStamp, stored.SessionStamp);
        Assert.Equal([SecureMailAuditActions.Revoked], await scenario.AuditActionsForAsync(message.Id));

        // Revoking again (an old tab) changes nothing and says why.
        using var again = await PostHandlerAsync(browser, message.Id, "Revoke");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var after = await browser.GetDocumentAsync(Details(message.Id));
        Assert.Equal("It was already revoked.", after.QuerySelector("[role=alert]")?.TextContent);
        Assert.Equal(stored.RevokedAt, (await scenario.ReloadAsync(message.Id)).RevokedAt);
        Assert.Single(await scenario.AuditActionsForAsync(message.Id));
    }

    [Theory, BothDatabases]
    public async Task Reopen_clears_the_lock_and_the_failed_attempts(DatabaseProvider provider)
    {
        var scenario = await SentItemsScenario.CreateAsync(await apps.For(provider));
        var now = scenario.App.Clock.GetUtcNow().UtcDateTime;
        var message = await scenario.AddAsync(scenario.Admin.Id, m => { m.OpenedAt = now; m.FailedAttempts = SecureMessage.MaxFailedAttempts; m.LockedAt = now; });
        var browser = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Admin);

        var page = await PressAsync(browser, message.Id, "reopen");
        Assert.Equal("Opened", page.QuerySelector("[data-testid=status]")?.TextContent);
        Assert.Equal($"Re-opened: the recipient may try the password again ({SecureMessage.MaxFailedAttempts} tries).", page.QuerySelector("[role=status]")?.TextContent);
        Assert.Null(page.QuerySelector("[data-testid=reopen]"));
        var stored = await scenario.ReloadAsync(message.Id);
        Assert.Null(stored.LockedAt);
        Assert.Equal(0, stored.FailedAttempts);
        Assert.Equal([SecureMailAuditActions.Reopened], await scenario.AuditActionsForAsync(message.Id));

        // Not locked any more: re-opening again is refused with a message, not an error page.
        using var again = await PostHandlerAsync(browser, message.Id, "Reopen");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("It is not locked (or it was revoked), so there is nothing to re-open.", (await browser.GetDocumentAsync(Details(message.Id))).QuerySelector("[role=alert]")?.TextContent);
    }

    [Theory, BothDatabases]
    public async Task Resend_of_a_revoked_or_expired_message_is_refused_with_the_reason(DatabaseProvider provider)
    {
        var scenario = await SentItemsScenario.CreateAsync(await apps.For(provider));
        var now = scenario.App.Clock.GetUtcNow().UtcDateTime;
        var revoked = await scenario.AddAsync(scenario.Admin.Id, m => m.RevokedAt = now);
        var expired = await scenario.AddAsync(scenario.Admin.Id, m => m.ExpiresAt = now.AddMinutes(-1));
        var browser = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Admin);

        foreach (var (message, reason) in new[] { (revoked, "This secure e-mail was revoked: copy it as new to send it again."), (expired, "This secure e-mail has expired: copy it as new to send it again.") })
        {
            var page = await PressAsync(browser, message.Id, "resend");
            Assert.Equal(reason, page.QuerySelector("[role=alert]")?.TextContent);
            Assert.Equal(message.TokenHash, (await scenario.ReloadAsync(message.Id)).TokenHash);
            Assert.Equal(1, (await scenario.ReloadAsync(message.Id)).SendCount);
        }
    }

    [Theory, BothDatabases]
    public async Task Staff_see_every_item_but_control_only_their_own_unless_they_may_manage(DatabaseProvider provider)
    {
        var scenario = await SentItemsScenario.CreateAsync(await apps.For(provider));
        var staff = await scenario.StaffAsync();
        var others = await scenario.AddAsync(scenario.Admin.Id);
        var own = await scenario.AddAsync(staff.Id);
        var browser = await scenario.App.SignedInClientAsync(scenario.Practice, staff);

        var list = await browser.GetDocumentAsync("/admin/secure-mail/sent");
        Assert.Equal(2, list.QuerySelectorAll("[data-testid=sent-items] tbody tr").Length);
        var othersPage = await browser.GetDocumentAsync(Details(others.Id));
        Assert.Null(othersPage.QuerySelector("[data-testid=revoke]"));
        Assert.Null(othersPage.QuerySelector("[data-testid=resend]"));
        foreach (var handler in new[] { "Revoke", "Resend", "Reopen" })
        {
            using var refused = await PostHandlerAsync(browser, others.Id, handler);
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden || refused.Headers.Location?.OriginalString.Contains("access-denied", StringComparison.Ordinal) == true, $"{handler}: {(int)refused.StatusCode} {refused.Headers.Location}");
        }

        var untouched = await scenario.ReloadAsync(others.Id);
        Assert.Null(untouched.RevokedAt);
        Assert.Equal(others.TokenHash, untouched.TokenHash);

        var ownPage = await PressAsync(browser, own.Id, "revoke");
        Assert.Equal("Revoked", ownPage.QuerySelector("[data-testid=status]")?.TextContent);
    }

    [Theory, BothDatabases]
    public async Task Resending_a_payment_request_needs_the_payment_permission(DatabaseProvider provider)
    {
        var scenario = await SentItemsScenario.CreateAsync(await apps.For(provider));
        var withoutPayments = await scenario.StaffAsync(PaymentLevel.View);
        var withPayments = await scenario.StaffAsync(PaymentLevel.Take);
        var refused = await scenario.AddAsync(withoutPayments.Id, m => SentItemsScenario.AsPaymentRequest(m, "INV-7", 5_000));
        var allowed = await scenario.AddAsync(withPayments.Id, m => SentItemsScenario.AsPaymentRequest(m, "INV-8", 5_000));
        var plain = await scenario.AddAsync(withoutPayments.Id);

        var browser = await scenario.App.SignedInClientAsync(scenario.Practice, withoutPayments);
        var page = await browser.GetDocumentAsync(Details(refused.Id));
        Assert.Null(page.QuerySelector("[data-testid=resend]"));
        Assert.NotNull(page.QuerySelector("[data-testid=resend-needs-payments]"));
        Assert.NotNull(page.QuerySelector("[data-testid=revoke]"));
        using var response = await PostHandlerAsync(browser, refused.Id, "Resend");
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("access-denied", StringComparison.Ordinal) == true, $"{(int)response.StatusCode} {response.Headers.Location}");
        Assert.Equal(refused.TokenHash, (await scenario.ReloadAsync(refused.Id)).TokenHash);
        Assert.NotNull((await browser.GetDocumentAsync(Details(plain.Id))).QuerySelector("[data-testid=resend]"));

        var payer = await scenario.App.SignedInClientAsync(scenario.Practice, withPayments);
        Assert.NotNull((await payer.GetDocumentAsync(Details(allowed.Id))).QuerySelector("[data-testid=resend]"));
    }

    [Theory, BothDatabases]
    public async Task Only_staff_with_the_permission_open_the_dashboard(DatabaseProvider provider)
    {
        var scenario = await SentItemsScenario.CreateAsync(await apps.For(provider));
        var message = await scenario.AddAsync(scenario.Admin.Id);
        var noRole = await scenario.App.AddUserAsync(scenario.Practice, $"norole-{Guid.NewGuid():N}@{scenario.Practice.Name}.example", Portal.Identity.Models.UserKind.Staff);
        var client = await scenario.App.AddClientAsync(scenario.Practice);
        foreach (var user in new[] { noRole, client })
        {
            var browser = await scenario.App.SignedInClientAsync(scenario.Practice, user);
            foreach (var path in new[] { "admin/secure-mail/sent", Details(message.Id).TrimStart('/') })
            {
                using var response = await browser.GetAsync(path);
                Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound || response.Headers.Location?.OriginalString.Contains("access-denied", StringComparison.Ordinal) == true, $"{user.Email} {path}: {(int)response.StatusCode}");
            }
        }

        using var unknown = await (await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Admin)).GetAsync(Details(Guid.NewGuid()).TrimStart('/'));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task The_admin_dashboard_counts_awaiting_locked_and_paid_this_month(DatabaseProvider provider)
    {
        var scenario = await SentItemsScenario.CreateAsync(await apps.For(provider));
        var now = scenario.App.Clock.GetUtcNow().UtcDateTime;
        await scenario.AddAsync(scenario.Admin.Id);
        await scenario.AddAsync(scenario.Admin.Id, m => { m.DeliveredAt = now; m.OpenedAt = now; });
        await scenario.AddAsync(scenario.Admin.Id, m => { m.OpenedAt = now; m.LockedAt = now; });
        await scenario.AddAsync(scenario.Admin.Id, m => { m.UnlockedAt = now; SentItemsScenario.AsPaymentRequest(m, "A-1", 100); m.PaymentStatus = SecureMessagePaymentStatus.Paid; m.PaymentChangedAt = now; });
        await scenario.AddAsync(scenario.Admin.Id, m => { m.UnlockedAt = now; SentItemsScenario.AsPaymentRequest(m, "A-2", 100); m.PaymentStatus = SecureMessagePaymentStatus.Paid; m.PaymentChangedAt = now.AddDays(-40); });
        await scenario.AddAsync(scenario.Admin.Id, m => m.ExpiresAt = now.AddMinutes(-1));

        var dashboard = await (await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Admin)).GetDocumentAsync("/admin");
        var tiles = dashboard.QuerySelectorAll("a.stat").ToDictionary(t => t.QuerySelector(".stat-label")!.TextContent, t => (Value: t.QuerySelector(".stat-value")!.TextContent, Href: t.GetAttribute("href")));
        Assert.Equal("2", tiles["Secure e-mails awaiting unlock"].Value);
        Assert.Equal("1", tiles["Secure e-mails locked, to re-open"].Value);
        Assert.EndsWith("/admin/secure-mail/sent?status=Locked", tiles["Secure e-mails locked, to re-open"].Href, StringComparison.Ordinal);
        Assert.Equal("1", tiles["Payment requests paid this month"].Value);
    }

    private static string Details(Guid id) => $"/admin/secure-mail/sent/{id}";

    /// <summary>Presses the page's button for <paramref name="action"/> and follows the redirect back to the page.</summary>
    private static async Task<IHtmlDocument> PressAsync(HttpClient browser, Guid id, string action)
    {
        var page = await browser.GetDocumentAsync(Details(id));
        var form = page.QuerySelector<IHtmlFormElement>($"form[data-testid={action}]") ?? throw new InvalidOperationException($"no {action} button");
        using var response = await browser.PostFormAsync(form, [], Details(id));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await browser.GetDocumentAsync(response.Headers.Location!.OriginalString);
    }

    /// <summary>A POST to a handler with a valid antiforgery token, as a tampered or stale page would send it.</summary>
    private static async Task<HttpResponseMessage> PostHandlerAsync(HttpClient browser, Guid id, string handler)
    {
        var token = await browser.AntiforgeryTokenAsync(Details(id));
        return await browser.PostAsync($"admin/secure-mail/sent/{id}?handler={handler}", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
    }
}
