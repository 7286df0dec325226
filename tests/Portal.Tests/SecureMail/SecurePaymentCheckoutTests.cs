using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit.Data;
using Portal.Billing.Data;
using Portal.Billing.Models;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Events;
using Portal.SecureMail.Data;
using Portal.SecureMail.Models;
using Portal.SecureMail.Services;
using Portal.Tests.Billing;
using Portal.Tests.Infrastructure;
using Portal.Tests.StripeEmulator;

namespace Portal.Tests.SecureMail;

/// <summary>
/// A secure payment request's Checkout through the real Billing on the Stripe emulator: the link's token never
/// leaves the recipient's browser (not to Stripe, not into any row), the page closes no later than the request
/// and when it locks, and money that lands as the request closes is kept and the sender told.
/// </summary>
public sealed class SecurePaymentCheckoutTests(SecureMailApps apps) : IClassFixture<SecureMailApps>
{
    [Theory, BothDatabases]
    public async Task Paying_sends_stripe_and_stores_no_token_and_the_back_link_leads_only_an_unlocked_browser_to_the_message(DatabaseProvider provider)
    {
        var scenario = await SecureMailScenario.CreateAsync(await apps.WiredAsync(provider));
        var (id, token) = await scenario.PlacePaymentRequestAsync();
        var browser = await UnlockedBrowserAsync(scenario, token);

        var pay = await browser.SubmitFormAsync(SecureMailScenario.OpenPath(token), [], "[data-testid=secure-mail-payment] form");

        Assert.Equal(HttpStatusCode.Redirect, pay.StatusCode);
        var attempt = await scenario.CheckoutAttemptAsync(id);
        var session = await scenario.CheckoutSessionAsync(id);
        var escaped = Uri.EscapeDataString(token);
        var sent = (await apps.Emulator.Server.Control.RequestsAsync()).Where(r => r.Account == scenario.StripeAccount).ToList();
        Assert.Contains(sent, r => r.Method == "POST" && r.Path == "/v1/checkout/sessions");
        Assert.All(sent, r => Assert.False(
            $"{r.Path}{r.Query}\n{r.Body}".Contains(token, StringComparison.Ordinal) || $"{r.Path}{r.Query}\n{r.Body}".Contains(escaped, StringComparison.Ordinal),
            $"{r.Method} {r.Path} sent the link's token to Stripe"));
        Assert.DoesNotContain(token, $"{session.CancelUrl} {session.SuccessUrl}", StringComparison.Ordinal);
        Assert.Equal($"/secure-mail/return/{id}", new Uri(attempt.CancelUrl!).AbsolutePath);
        Assert.Empty(await scenario.InPracticeAsync(sp => StoredText.FindAsync(token, sp.GetRequiredService<BillingDbContext>(), sp.GetRequiredService<SecureMailDbContext>(), sp.GetRequiredService<CoreTenantDbContext>(), sp.GetRequiredService<AuditDbContext>())));

        // Checkout's back link: this browser goes back to the message; another is told how to open it, and learns nothing.
        var back = await browser.GetAsync(new Uri(attempt.CancelUrl!).PathAndQuery.TrimStart('/'));
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var again = await browser.GetDocumentAsync(back.Headers.Location!.ToString().TrimStart('/'));
        Assert.NotNull(again.QuerySelector("[data-testid=secure-mail-payment]"));
        var stranger = await scenario.App.ClientFor(scenario.Practice).GetAsync(new Uri(attempt.CancelUrl!).PathAndQuery.TrimStart('/'));
        var unknown = await scenario.App.ClientFor(scenario.Practice).GetAsync($"secure-mail/return/{Guid.NewGuid()}");
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (stranger.StatusCode, unknown.StatusCode));
        var strangerText = await stranger.Content.ReadAsStringAsync();
        Assert.DoesNotContain(token, strangerText, StringComparison.Ordinal);
        Assert.Contains("open it from the link in the e-mail", strangerText, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task The_checkout_page_closes_no_later_than_the_request_and_too_late_a_pay_is_refused_at_once(DatabaseProvider provider)
    {
        var scenario = await SecureMailScenario.CreateAsync(await apps.WiredAsync(provider));
        var expires = DateTime.UtcNow.AddMinutes(45);
        var (id, token) = await scenario.PlacePaymentRequestAsync(m => m.ExpiresAt = expires);
        var (soonId, soonToken) = await scenario.PlacePaymentRequestAsync(m => m.ExpiresAt = DateTime.UtcNow.AddMinutes(20));

        var pay = await (await UnlockedBrowserAsync(scenario, token)).SubmitFormAsync(SecureMailScenario.OpenPath(token), [], "[data-testid=secure-mail-payment] form");
        var soon = await (await UnlockedBrowserAsync(scenario, soonToken)).SubmitFormAsync(SecureMailScenario.OpenPath(soonToken), [], "[data-testid=secure-mail-payment] form");

        Assert.Equal(HttpStatusCode.Redirect, pay.StatusCode);
        var attempt = await scenario.CheckoutAttemptAsync(id);
        var session = await scenario.CheckoutSessionAsync(id);
        Assert.InRange(attempt.ExpiresAt, expires.AddSeconds(-1), expires);
        Assert.InRange(session.ExpiresAt, expires.AddSeconds(-1), expires);

        Assert.Equal(HttpStatusCode.Conflict, soon.StatusCode);
        Assert.Contains("expires in less than 30 minutes", await soon.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await scenario.InPracticeAsync(sp => sp.GetRequiredService<BillingDbContext>().CheckoutAttempts.AnyAsync(a => a.PaymentRequestId == soonId)));
    }

    [Theory, BothDatabases]
    public async Task Locking_a_request_closes_its_open_checkout_page(DatabaseProvider provider)
    {
        var scenario = await SecureMailScenario.CreateAsync(await apps.WiredAsync(provider));
        var (id, token) = await scenario.PlacePaymentRequestAsync();
        var pay = await (await UnlockedBrowserAsync(scenario, token)).SubmitFormAsync(SecureMailScenario.OpenPath(token), [], "[data-testid=secure-mail-payment] form");
        Assert.Equal(HttpStatusCode.Redirect, pay.StatusCode);
        Assert.Equal("open", (await scenario.CheckoutSessionAsync(id)).Status);

        await LockAsync(scenario, token);

        Assert.Equal("expired", (await scenario.CheckoutSessionAsync(id)).Status);
        Assert.Equal(CheckoutAttemptStatus.Expired, (await scenario.CheckoutAttemptAsync(id)).Status);
        var paid = await HostedCheckout.PayByCardAsync(apps.Emulator.Raw(authenticated: false), pay.Headers.Location!.ToString(), WebhookScenario.GoodCard);
        Assert.NotEqual(HttpStatusCode.Redirect, paid.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Money_taken_as_the_request_locks_is_recorded_and_the_sender_is_told(DatabaseProvider provider)
    {
        var scenario = await SecureMailScenario.CreateAsync(await apps.WiredAsync(provider));
        var (id, token) = await scenario.PlacePaymentRequestAsync();
        var pay = await (await UnlockedBrowserAsync(scenario, token)).SubmitFormAsync(SecureMailScenario.OpenPath(token), [], "[data-testid=secure-mail-payment] form");
        Assert.Equal(HttpStatusCode.Redirect, pay.StatusCode);

        // The payer pays while the guesser locks the request; the portal hears of the payment only when it closes the page.
        await apps.Emulator.Server.Control.PauseWebhooksAsync();
        try
        {
            Assert.Equal(HttpStatusCode.Redirect, (await HostedCheckout.PayByCardAsync(apps.Emulator.Raw(authenticated: false), pay.Headers.Location!.ToString(), WebhookScenario.GoodCard)).StatusCode);
            await LockAsync(scenario, token);
        }
        finally
        {
            await apps.Emulator.Server.Control.ResumeWebhooksAsync();
        }

        var payment = await scenario.InPracticeAsync(sp => sp.GetRequiredService<BillingDbContext>().Payments.AsNoTracking().SingleAsync(p => p.PaymentRequestId == id));
        Assert.Equal(PaymentStatus.Succeeded, payment.Status);
        var message = await Eventually.GetAsync(
            async () => await scenario.InPracticeAsync(sp => sp.GetRequiredService<SecureMailDbContext>().Messages.AsNoTracking().SingleAsync(m => m.Id == id)) is { PaidAfterClosingAt: not null } m ? m : null,
            TimeSpan.FromMinutes(1),
            "the request to be marked paid after closing");
        Assert.Equal((SecureMessagePaymentStatus.Paid, payment.Id), (message.PaymentStatus, message.PaymentId));
        Assert.NotNull(message.LockedAt);
        // The sender is told (audit trail, e-mail queued) before the request is marked.
        Assert.True(await scenario.InPracticeAsync(sp => sp.GetRequiredService<AuditDbContext>().Events.AnyAsync(e => e.Action == SecureMailAuditActions.PaidAfterClosing && e.TargetId == id.ToString())));
        var notice = await MailMessageReader.WaitForAsync(TestEnvironment.Maildir, scenario.Admin.Email!, m => m.Subject.Contains("after it was locked", StringComparison.Ordinal));
        Assert.Contains("154.99 CAD", notice.Raw, StringComparison.Ordinal);
        var item = await scenario.AdminBrowser.GetDocumentAsync($"admin/secure-mail/sent/{id}");
        Assert.NotNull(item.QuerySelector("[data-testid=paid-after-closing]"));
    }

    [Theory, BothDatabases]
    public async Task A_failure_while_telling_the_sender_is_told_again_by_the_retry_and_a_later_delivery_tells_nothing_more(DatabaseProvider provider)
    {
        var scenario = await SecureMailScenario.CreateAsync(await apps.WiredAsync(provider));
        var lockedAt = DateTime.UtcNow.AddMinutes(-5);
        var (id, _) = await scenario.PlacePaymentRequestAsync(m => m.LockedAt = lockedAt);
        var paid = new PaymentRequestPaymentChanged(id, Guid.NewGuid(), PaymentRequestPaymentStatus.Paid, 15_500, 500, 0, "CAD");
        var occurred = new DomainEventContext(Guid.NewGuid(), lockedAt.AddMinutes(1), Attempt: 1);
        Task HandleAsync(IServiceProvider sp, IAuditLog audit, int attempt) => new PaymentStatusOnPaymentChanged(
            sp.GetRequiredService<SecureMailDbContext>(), sp.GetRequiredService<SecureMessageMail>(), audit, TimeProvider.System)
            .HandleAsync(paid, occurred with { Attempt = attempt }, CancellationToken.None);

        // The audit trail fails on the first attempt: nothing says the sender was told.
        await Assert.ThrowsAsync<InvalidOperationException>(() => scenario.InPracticeAsync(async sp =>
        {
            await HandleAsync(sp, new RefusingAuditLog(), 1);
            return 0;
        }));
        Assert.Null((await MessageAsync(scenario, id)).PaidAfterClosingAt);

        // The retry tells (one e-mail, one audit entry) and marks; a delivery after that tells nothing more.
        for (var attempt = 2; attempt <= 3; attempt++)
        {
            await scenario.InPracticeAsync(async sp =>
            {
                await HandleAsync(sp, sp.GetRequiredService<IAuditLog>(), attempt);
                return 0;
            });
        }

        var message = await MessageAsync(scenario, id);
        Assert.Equal(occurred.OccurredAt, message.PaidAfterClosingAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(SecureMessagePaymentStatus.Paid, message.PaymentStatus);
        Assert.Equal(1, await scenario.InPracticeAsync(sp => sp.GetRequiredService<AuditDbContext>().Events.CountAsync(e => e.Action == SecureMailAuditActions.PaidAfterClosing && e.TargetId == id.ToString())));
        Assert.Equal(1, await scenario.InPracticeAsync(sp => sp.GetRequiredService<CoreTenantDbContext>().OutboxMessages.CountAsync(m => m.To == scenario.Admin.Email && m.Subject.Contains("after it was locked"))));
    }

    private static Task<SecureMessage> MessageAsync(SecureMailScenario scenario, Guid id)
        => scenario.InPracticeAsync(sp => sp.GetRequiredService<SecureMailDbContext>().Messages.AsNoTracking().SingleAsync(m => m.Id == id));

    /// <summary>An audit trail that cannot be written to (its database failing at that moment).</summary>
    private sealed class RefusingAuditLog : IAuditLog
    {
        public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default)
            => throw new InvalidOperationException("The audit trail could not be written.");
    }

    private static async Task<HttpClient> UnlockedBrowserAsync(SecureMailScenario scenario, string token)
    {
        var browser = scenario.App.ClientFor(scenario.Practice);
        var unlocked = await browser.SubmitFormAsync(SecureMailScenario.OpenPath(token), new() { ["Password"] = SecureMailScenario.Password }, "[data-testid=secure-mail-unlock]");
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        return browser;
    }

    /// <summary>Five wrong passwords from five addresses: the request locks.</summary>
    private static async Task LockAsync(SecureMailScenario scenario, string token)
    {
        for (var i = 0; i < SecureMessage.MaxFailedAttempts; i++)
        {
            var outcome = await scenario.InPracticeAsync(async sp =>
            {
                var unlock = sp.GetRequiredService<SecureMessageUnlock>();
                return await unlock.AttemptAsync((await unlock.FindAsync(token))!, "not-the-password", $"203.0.113.{i + 10}");
            });
            Assert.Equal(UnlockOutcome.WrongPassword, outcome);
        }

        Assert.Equal(HttpStatusCode.Locked, (await scenario.App.ClientFor(scenario.Practice).GetAsync(SecureMailScenario.OpenPath(token))).StatusCode);
    }
}
