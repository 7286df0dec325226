using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Billing.Data;
using Portal.Billing.Endpoints;
using Portal.Billing.Models;
using Portal.Billing.Payments;
using Portal.Billing.Payments.Webhooks;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;
using Stripe;
using Stripe.Checkout;
using Invoice = Portal.Billing.Models.Invoice;

namespace Portal.Tests.Billing;

/// <summary>
/// The platform's Stripe webhook receiver against the emulator: signatures (valid, altered, wrong secret,
/// stale, rolling secret), duplicates and out-of-order events credit a payment exactly once.
/// </summary>
public sealed class StripeWebhookTests(StripeWebhookApps apps) : IClassFixture<StripeWebhookApps>
{
    private const string WebhookUrl = "stripe/webhook";

    /// <summary>Deliveries go through the emulator's one sender to every endpoint of the class, on a shared machine.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    [Theory, BothDatabases]
    public async Task A_validly_signed_event_is_stored_processed_and_credits_the_payment_once_however_often_it_is_posted(DatabaseProvider provider)
    {
        var (scenario, app) = await StartAsync(provider);
        var (invoice, session, json) = await UndeliveredCompletedAsync(scenario);

        var first = await PostAsync(app, json, Header(json, StripeWebhookApps.PortalSecret));
        await WaitForPaymentAsync(scenario, session, PaymentStatus.Succeeded);
        var again = await PostAsync(app, json, Header(json, StripeWebhookApps.PortalSecret));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var payment = Assert.Single(await scenario.PaymentsAsync(session));
        Assert.Equal((WebhookScenario.InvoiceAmount, invoice.ClientId), (payment.Amount, payment.ClientId));
        Assert.Equal(InvoiceStatus.Paid, (await scenario.Billing.ReloadAsync(invoice.Id))!.Status);
        var stored = Assert.Single(await scenario.StoredEventsAsync(), e => e.Type == EventTypes.CheckoutSessionCompleted);
        Assert.Equal(scenario.Account, stored.Account);
        await Eventually.TrueAsync(async () => (await scenario.StoredEventsAsync(e => e.Id == stored.Id && e.ProcessedAt != null)).Count == 1, timeout: Patience, what: "the event marked processed");
        Assert.Equal(1, await EventJobsAsync(app, scenario, stored.Id));
    }

    [Theory, BothDatabases]
    public async Task Altered_wrong_secret_stale_and_unsigned_deliveries_answer_400_and_store_and_credit_nothing(DatabaseProvider provider)
    {
        var (scenario, app) = await StartAsync(provider);
        var (_, session, json) = await UndeliveredCompletedAsync(scenario);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var altered = json.Replace("\"paid\"", "\"PAID\"", StringComparison.Ordinal);

        var answers = new Dictionary<string, HttpResponseMessage>
        {
            ["altered body"] = await PostAsync(app, altered, Header(json, StripeWebhookApps.PortalSecret)),
            ["wrong secret"] = await PostAsync(app, json, Header(json, "whsec_not_the_portal_s")),
            ["stale timestamp"] = await PostAsync(app, json, Header(json, StripeWebhookApps.PortalSecret, now - 301 - 60)),
            ["no v1 matching"] = await PostAsync(app, json, $"t={now},v1={Sign(json, "whsec_a", now)},v1={Sign(json, "whsec_b", now)}"),
            ["no signature"] = await PostAsync(app, json, null),
            ["garbage header"] = await PostAsync(app, json, "nonsense"),
        };

        Assert.NotEqual(json, altered);
        Assert.All(answers, a => Assert.True(a.Value.StatusCode == HttpStatusCode.BadRequest, $"{a.Key}: {(int)a.Value.StatusCode}"));
        var problem = await answers["stale timestamp"].Content.ReadAsStringAsync();
        Assert.Contains("tolerance", problem, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(StripeWebhookApps.PortalSecret, problem, StringComparison.Ordinal);
        Assert.Empty(await scenario.StoredEventsAsync(e => e.Type == EventTypes.CheckoutSessionCompleted));
        Assert.Empty(await scenario.PaymentsAsync(session));
    }

    [Theory, BothDatabases]
    public async Task A_signature_header_with_several_v1_values_is_accepted_when_one_matches_a_rolling_secret(DatabaseProvider provider)
    {
        var (scenario, app) = await StartAsync(provider);
        var (_, session, json) = await UndeliveredCompletedAsync(scenario);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var answer = await PostAsync(app, json, $"t={now},v1={Sign(json, "whsec_old_secret", now)},v1={Sign(json, StripeWebhookApps.PortalSecret, now)},v0=ignored");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        await WaitForPaymentAsync(scenario, session, PaymentStatus.Succeeded);
        Assert.Single(await scenario.PaymentsAsync(session));
    }

    [Theory, BothDatabases]
    public async Task A_session_paid_on_the_hosted_page_is_recorded_from_the_webhook_and_a_resent_completed_changes_nothing(DatabaseProvider provider)
    {
        var (scenario, app) = await StartAsync(provider);
        var (invoice, session) = await scenario.OpenSessionAsync("INV-WH-CARD");

        await scenario.PayByCardAsync(session);
        await WaitForPaymentAsync(scenario, session, PaymentStatus.Succeeded);
        var completed = await scenario.EventOfAsync(session, EventTypes.CheckoutSessionCompleted);
        var deliveredOnce = (await apps.Emulator.Server.Control.DeliveriesAsync()).Count(d => d.EventId == completed.Id && d.Succeeded);
        await apps.Emulator.Server.Control.ResendEventAsync(completed.Id);
        await Eventually.TrueAsync(
            async () => (await apps.Emulator.Server.Control.DeliveriesAsync()).Count(d => d.EventId == completed.Id && d.Succeeded) >= 2 * deliveredOnce,
            timeout: Patience, what: "the resent event delivered again to every endpoint that took it the first time");

        var payment = Assert.Single(await scenario.PaymentsAsync(session));
        Assert.Equal(session.Id, payment.ProviderKey);
        Assert.False(string.IsNullOrEmpty(payment.PaymentIntentId));
        Assert.False(string.IsNullOrEmpty(payment.ChargeId));
        Assert.Equal(InvoiceStatus.Paid, (await scenario.Billing.ReloadAsync(invoice.Id))!.Status);
        Assert.Single(await scenario.StoredEventsAsync(e => e.Id == completed.Id));
        Assert.Equal(1, await EventJobsAsync(app, scenario, completed.Id));
    }

    [Theory, BothDatabases]
    public async Task Async_payment_succeeded_delivered_before_completed_gives_one_succeeded_payment(DatabaseProvider provider)
    {
        var (scenario, _) = await StartAsync(provider);
        var (invoice, session) = await scenario.OpenSessionAsync("INV-WH-BANK");

        await apps.Emulator.Server.Control.PauseWebhooksAsync();
        try
        {
            await scenario.PayByBankDebitAsync(session);
            await apps.Emulator.Server.Control.SettleAsyncPaymentAsync(session.Id, succeeded: true);
        }
        finally
        {
            await apps.Emulator.Server.Control.ResumeWebhooksAsync(newestFirst: true);
        }

        await Eventually.TrueAsync(
            async () => (await scenario.StoredEventsAsync(e => e.ProcessedAt != null && (e.Type == EventTypes.CheckoutSessionCompleted || e.Type == EventTypes.CheckoutSessionAsyncPaymentSucceeded))).Count == 2,
            timeout: Patience, what: "completed and async_payment_succeeded processed");
        var payment = Assert.Single(await scenario.PaymentsAsync(session));
        Assert.Equal(PaymentStatus.Succeeded, payment.Status);
        Assert.Equal(InvoiceStatus.Paid, (await scenario.Billing.ReloadAsync(invoice.Id))!.Status);
    }

    [Theory, BothDatabases]
    public async Task Async_payment_failed_leaves_the_payment_failed_and_the_invoice_open(DatabaseProvider provider)
    {
        var (scenario, _) = await StartAsync(provider);
        var (invoice, session) = await scenario.OpenSessionAsync("INV-WH-FAIL");

        await scenario.PayByBankDebitAsync(session);
        await WaitForPaymentAsync(scenario, session, PaymentStatus.Processing);
        await apps.Emulator.Server.Control.SettleAsyncPaymentAsync(session.Id, succeeded: false);

        await WaitForPaymentAsync(scenario, session, PaymentStatus.Failed);
        Assert.Single(await scenario.PaymentsAsync(session));
        Assert.Equal(InvoiceStatus.Open, (await scenario.Billing.ReloadAsync(invoice.Id))!.Status);
    }

    [Theory, BothDatabases]
    public async Task An_expired_session_is_processed_and_records_no_payment(DatabaseProvider provider)
    {
        var (scenario, _) = await StartAsync(provider);
        var (invoice, session) = await scenario.OpenSessionAsync("INV-WH-EXP");

        await new SessionService(scenario.Stripe).ExpireAsync(session.Id, null, new RequestOptions { StripeAccount = scenario.Account });

        await Eventually.TrueAsync(
            async () => (await scenario.StoredEventsAsync(e => e.Type == EventTypes.CheckoutSessionExpired && e.ProcessedAt != null)).Count == 1,
            timeout: Patience, what: "checkout.session.expired processed");
        Assert.Empty(await scenario.PaymentsAsync(session));
        Assert.Equal(InvoiceStatus.Open, (await scenario.Billing.ReloadAsync(invoice.Id))!.Status);
    }

    [Theory, BothDatabases]
    public async Task Reconciliation_records_a_payment_whose_webhooks_were_dropped_exactly_once(DatabaseProvider provider)
    {
        var (scenario, _) = await StartAsync(provider);
        var (invoice, session, _) = await UndeliveredCompletedAsync(scenario);
        Assert.Empty(await scenario.PaymentsAsync(session));

        var first = await scenario.Billing.InPracticeAsync(sp => sp.GetRequiredService<StripeReconciliation>().RunAsync());
        await WaitForPaymentAsync(scenario, session, PaymentStatus.Succeeded);
        var second = await scenario.Billing.InPracticeAsync(sp => sp.GetRequiredService<StripeReconciliation>().RunAsync());

        Assert.True(first.Found >= 1, $"found {first.Found}");
        Assert.Equal(0, second.Found);
        Assert.Single(await scenario.PaymentsAsync(session));
        Assert.Equal(InvoiceStatus.Paid, (await scenario.Billing.ReloadAsync(invoice.Id))!.Status);
    }

    [Theory, BothDatabases]
    public async Task Reconciliation_queues_again_an_event_stored_by_a_process_that_died_before_queuing_it(DatabaseProvider provider)
    {
        var (scenario, _) = await StartAsync(provider);
        var (_, session, json) = await UndeliveredCompletedAsync(scenario);
        var listed = EventUtility.ParseEvent(json, throwOnApiVersionMismatch: false);

        // What the receiver leaves when killed between its commit and its enqueue: the row, no job.
        await scenario.Billing.InPracticeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BillingDbContext>();
            db.StripeEvents.Add(new StripeEvent { Id = listed.Id, Type = listed.Type, Account = scenario.Account, Created = listed.Created, Payload = json, ReceivedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        Assert.Equal(0, await EventJobsAsync(scenario.Billing.App, scenario, listed.Id));

        var run = await scenario.Billing.InPracticeAsync(sp => sp.GetRequiredService<StripeReconciliation>().RunAsync());

        // Found may count other dropped events of the account (an account.updated held by the pause); the completed one was stored already.
        Assert.True(run.Requeued >= 1, $"requeued {run.Requeued}");
        await WaitForPaymentAsync(scenario, session, PaymentStatus.Succeeded);
        Assert.Single(await scenario.PaymentsAsync(session));
        Assert.Single(await scenario.StoredEventsAsync(e => e.Type == EventTypes.CheckoutSessionCompleted));
    }

    [Theory, BothDatabases]
    public async Task Account_updated_keeps_the_set_up_payments_standing_current(DatabaseProvider provider)
    {
        var (scenario, app) = await StartAsync(provider);
        var admin = await app.SignedInClientAsync(scenario.Billing.Practice, scenario.Billing.Admin);
        Assert.Contains("Ready to accept payments", await admin.GetStringAsync("admin/billing/setup-payments"), StringComparison.Ordinal);

        await apps.Emulator.Server.Control.SetRequirementsAsync(scenario.Account, ["external_account"], chargesEnabled: false, payoutsEnabled: false);

        var stored = await Eventually.GetAsync(
            () => scenario.Billing.InPracticeAsync(async sp => await sp.GetRequiredService<BillingDbContext>().PayoutAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.CurrentlyDue == "external_account")),
            timeout: Patience, what: "account.updated applied to the practice's payout account");
        Assert.False(stored.ChargesEnabled || stored.PayoutsEnabled);
        var page = await admin.GetDocumentAsync("admin/billing/setup-payments");
        Assert.Equal(["A bank account for payouts"], page.QuerySelectorAll("[data-testid=payments-requirements] li").Select(li => li.TextContent.Trim()));
    }

    [Theory, BothDatabases]
    public async Task An_event_of_an_account_that_is_not_the_practice_s_answers_2xx_and_is_not_stored(DatabaseProvider provider)
    {
        var (scenario, app) = await StartAsync(provider);
        var (_, _, json) = await UndeliveredCompletedAsync(scenario);
        var foreign = json.Replace(scenario.Account, "acct_not_this_practice", StringComparison.Ordinal);

        var answer = await PostAsync(app, foreign, Header(foreign, StripeWebhookApps.PortalSecret));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Empty(await scenario.StoredEventsAsync(e => e.Type == EventTypes.CheckoutSessionCompleted));
    }

    [Theory, BothDatabases]
    public async Task An_event_whose_object_names_no_practice_is_routed_by_the_connected_account_s_metadata(DatabaseProvider provider)
    {
        var (scenario, app) = await StartAsync(provider);
        var (_, session, json) = await UndeliveredCompletedAsync(scenario);
        var practiceEntry = new System.Text.RegularExpressions.Regex($"\"{StripeMetadataKeys.Practice}\"\\s*:\\s*\"[^\"]*\"");
        var anonymous = practiceEntry.Replace(json, "\"note\": \"no practice here\"");

        var answer = await PostAsync(app, anonymous, Header(anonymous, StripeWebhookApps.PortalSecret));

        Assert.True(practiceEntry.Count(json) >= 1, "the session's metadata names the practice");
        Assert.DoesNotContain(StripeMetadataKeys.Practice, anonymous, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Single(await scenario.StoredEventsAsync(e => e.Type == EventTypes.CheckoutSessionCompleted));
        await WaitForPaymentAsync(scenario, session, PaymentStatus.Succeeded);
    }

    [Theory, BothDatabases]
    public async Task The_receiver_answers_on_the_platform_only_and_refuses_an_oversized_body(DatabaseProvider provider)
    {
        var (scenario, app) = await StartAsync(provider);
        var big = new string('x', StripeWebhookEndpoints.MaxBodyBytes + 1);

        var onPractice = await app.ClientFor(scenario.Billing.Practice).PostAsync(WebhookUrl, new StringContent("{}"));
        var oversized = await PostAsync(app, big, Header(big, StripeWebhookApps.PortalSecret));

        Assert.Equal(HttpStatusCode.NotFound, onPractice.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
    }

    [Fact]
    public async Task Without_a_webhook_secret_the_receiver_answers_unavailable_so_stripe_retries()
    {
        using var gateway = new StripeGateway(Microsoft.Extensions.Options.Options.Create(new StripeOptions()));
        var receiver = new StripeWebhookReceiver(
            gateway,
            null!,
            null!,
            null!,
            TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<StripeWebhookReceiver>.Instance);

        var (receipt, reason) = await receiver.ReceiveAsync("{}", "t=1,v1=00", default);

        Assert.Equal(WebhookReceipt.Unavailable, receipt);
        Assert.Equal("Webhooks are not configured.", reason);
    }

    private async Task<(WebhookScenario Scenario, PortalApplication App)> StartAsync(DatabaseProvider provider)
    {
        var app = await apps.WiredAsync(provider);
        return (await WebhookScenario.CreateAsync(app, apps.Emulator), app);
    }

    /// <summary>A session paid while webhooks were held and then dropped: Stripe has its completed event, the portal does not.</summary>
    private async Task<(Invoice Invoice, Session Session, string Json)> UndeliveredCompletedAsync(WebhookScenario scenario)
    {
        var (invoice, session) = await scenario.OpenSessionAsync("INV-" + Guid.NewGuid().ToString("N")[..8]);
        await apps.Emulator.Server.Control.PauseWebhooksAsync();
        try
        {
            await scenario.PayByCardAsync(session);
            await apps.Emulator.Server.Control.DropHeldWebhooksAsync();
        }
        finally
        {
            await apps.Emulator.Server.Control.ResumeWebhooksAsync();
        }

        var completed = await scenario.EventOfAsync(session, EventTypes.CheckoutSessionCompleted);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v1/events/{completed.Id}");
        request.Headers.Add("Stripe-Account", scenario.Account);
        using var answer = await apps.Emulator.Raw().SendAsync(request);
        answer.EnsureSuccessStatusCode();
        return (invoice, session, await answer.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> PostAsync(PortalApplication app, string body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        }

        return await app.HostClient().SendAsync(request);
    }

    private static string Header(string body, string secret, long? at = null)
    {
        var t = at ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return $"t={t},v1={Sign(body, secret, t)}";
    }

    /// <summary>Stripe's scheme: HMAC-SHA256 of "{t}.{raw body}" keyed with the whole whsec_ string, lowercase hex.</summary>
    private static string Sign(string body, string secret, long t)
        => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}")));

    private static Task WaitForPaymentAsync(WebhookScenario scenario, Session session, PaymentStatus status)
        => Eventually.TrueAsync(async () => (await scenario.PaymentsAsync(session)).Any(p => p.Status == status), timeout: Patience, what: $"the payment of {session.Id} to be {status}");

    private static async Task<int> EventJobsAsync(PortalApplication app, WebhookScenario scenario, string eventId)
    {
        await using var host = await app.Get<IDbContextFactory<HostDbContext>>().CreateDbContextAsync();
        var id = StripeEventInbox.JobIdFor(scenario.Billing.Practice.Name, eventId);
        return await host.Jobs.CountAsync(j => j.Id == id && j.Type == StripeEventJobHandler.JobType);
    }
}
