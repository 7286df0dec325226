using Microsoft.EntityFrameworkCore;
using Portal.Billing.Models;
using Portal.Billing.Payments.Webhooks;
using Portal.Core.Data;
using Portal.Core.Jobs;
using Portal.Tests.Infrastructure;
using Portal.Tests.StripeEmulator;
using Stripe;
using Invoice = Portal.Billing.Models.Invoice;

namespace Portal.Tests.Billing;

/// <summary>A real portal process killed (SIGKILL) while it processes a Stripe webhook: after a restart the payment is recorded exactly once.</summary>
public sealed class StripeWebhookCrashTests
{
    private const string Secret = "whsec_portal_process_0001";

    [Theory, BothDatabases]
    public async Task A_process_killed_inside_webhook_processing_records_the_payment_exactly_once_after_restart(DatabaseProvider provider)
    {
        await using var emulator = await EmulatorHarness.StartAsync(webhookMaxAttempts: 8);
        await using var data = await TestData.CreateAsync(provider);
        WebhookScenario scenario;
        Stripe.Checkout.Session session;
        Invoice invoice;
        await using (var setup = PortalApplication.StartOn(data, options => options
            .Set("Portal:Payments:Stripe:SecretKey", EmulatorHarness.SecretKey)
            .Set("Portal:Payments:Stripe:ApiBase", emulator.Server.ApiBase)
            .Set("Portal:Jobs:WorkerEnabled", "false")))
        {
            scenario = await WebhookScenario.CreateAsync(setup, emulator);
            (invoice, session) = await scenario.OpenSessionAsync("INV-KILL-1");
        }

        var settings = new Dictionary<string, string>
        {
            ["Portal__Payments__Stripe__SecretKey"] = EmulatorHarness.SecretKey,
            ["Portal__Payments__Stripe__ApiBase"] = emulator.Server.ApiBase,
            ["Portal__Payments__Stripe__WebhookSecret"] = Secret,
            ["Portal__Payments__Stripe__MaxNetworkRetries"] = "0",
            ["Portal__Payments__Stripe__Timeout"] = "00:02:00",
            ["Portal__Jobs__Lease"] = "00:00:05",
        };
        var practice = scenario.Billing.Practice;
        string eventId;
        await using (var first = await PortalProcess.StartAsync(data, settings))
        {
            var endpoint = new Uri($"http://localhost:{first.Port}/stripe/webhook");
            await emulator.Server.Control.AddWebhookEndpointAsync(endpoint, [Secret], connect: true);

            // Every Stripe call from now on hangs: the handler's retrieve of the session cannot finish before the kill.
            await emulator.Server.Control.DelayNextAsync(10, TimeSpan.FromSeconds(60));
            await scenario.PayByCardAsync(session);
            var delivered = await Eventually.GetAsync(
                async () => (await emulator.Server.Control.DeliveriesAsync()).FirstOrDefault(d => d.Url == endpoint && d.EventType == EventTypes.CheckoutSessionCompleted && d.Succeeded),
                TimeSpan.FromMinutes(1),
                "checkout.session.completed accepted by the first process");
            eventId = delivered.EventId;
            var jobId = StripeEventInbox.JobIdFor(practice.Name, eventId);
            await Eventually.TrueAsync(
                async () =>
                {
                    await using var host = data.OpenHostStore();
                    return await host.Jobs.AnyAsync(j => j.Id == jobId && j.State == JobState.Running);
                },
                TimeSpan.FromMinutes(1),
                "the event's job to be running in the first process");

            await first.KillAsync();
        }

        await emulator.Server.Control.ClearFaultsAsync();
        Assert.Empty(await PaymentsAsync(data, scenario, session.Id));
        await using (var billing = data.OpenPracticeBilling(practice))
        {
            var stored = await billing.StripeEvents.AsNoTracking().SingleAsync(e => e.Id == eventId);
            Assert.Null(stored.ProcessedAt);
        }

        await using var second = await PortalProcess.StartAsync(data, settings);
        var secondEndpoint = new Uri($"http://localhost:{second.Port}/stripe/webhook");
        await emulator.Server.Control.AddWebhookEndpointAsync(secondEndpoint, [Secret], connect: true);
        await Eventually.TrueAsync(
            async () => (await PaymentsAsync(data, scenario, session.Id)).Any(p => p.Status == PaymentStatus.Succeeded),
            TimeSpan.FromMinutes(2),
            "the second process to take the job again once its lease ran out and record the payment");

        // Stripe delivering the event again changes nothing.
        await emulator.Server.Control.ResendEventAsync(eventId);
        await Eventually.TrueAsync(
            async () => (await emulator.Server.Control.DeliveriesAsync()).Any(d => d.Url == secondEndpoint && d.EventId == eventId && d.Succeeded),
            TimeSpan.FromMinutes(1),
            "the resent event accepted by the second process");
        var payment = Assert.Single(await PaymentsAsync(data, scenario, session.Id));
        Assert.Equal(WebhookScenario.InvoiceAmount, payment.Amount);
        await using var books = data.OpenPracticeBilling(practice);
        Assert.Equal(InvoiceStatus.Paid, (await books.Invoices.AsNoTracking().SingleAsync(i => i.Id == invoice.Id)).Status);

        // The payment is committed by the handler, the event marked processed just after it.
        await Eventually.TrueAsync(
            async () =>
            {
                await using var events = data.OpenPracticeBilling(practice);
                return (await events.StripeEvents.AsNoTracking().SingleAsync(e => e.Id == eventId)).ProcessedAt is not null;
            },
            TimeSpan.FromMinutes(1),
            "the event to be marked processed");
    }

    private static async Task<List<Payment>> PaymentsAsync(TestData data, WebhookScenario scenario, string sessionId)
    {
        await using var billing = data.OpenPracticeBilling(scenario.Billing.Practice);
        return await billing.Payments.AsNoTracking().Where(p => p.CheckoutSessionId == sessionId).ToListAsync();
    }
}
