using Portal.Tests.Infrastructure;
using Stripe;
using Stripe.Checkout;

namespace Portal.Tests.StripeEmulator;

public sealed class WebhookTests : IAsyncLifetime
{
    private EmulatorHarness _emulator = null!;
    private StripeClient _stripe = null!;
    private Account _practice = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHarness.StartAsync();
        _stripe = _emulator.Stripe();
        _practice = await StripeObjects.OnboardedLaterAccountAsync(_stripe);
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private async Task<Session> PaidSessionAsync()
    {
        var session = await new SessionService(_stripe).CreateAsync(StripeObjects.InvoiceSession(), StripeObjects.On(_practice.Id));
        await HostedCheckout.PayByCardAsync(_emulator.Raw(authenticated: false), session.Url, "4242424242424242");
        return session;
    }

    private Task<List<Event>> ConnectEventsAsync(int count, string what)
        => Eventually.GetAsync(() =>
        {
            var events = _emulator.ConnectHooks.Received.Where(r => !r.Failed)
                .Select(r => EventUtility.ConstructEvent(r.Body, r.Signature, EmulatorHarness.ConnectSecret)).ToList();
            return Task.FromResult(events.Count >= count ? events : null);
        }, what: what);

    [Fact]
    public async Task A_paid_session_sends_signed_events_that_Stripe_net_verifies()
    {
        var session = await PaidSessionAsync();

        var events = await ConnectEventsAsync(2, "payment_intent.succeeded and checkout.session.completed");

        Assert.Equal(["payment_intent.succeeded", "checkout.session.completed"], events.Select(e => e.Type));
        var completed = (Session)events[1].Data.Object;
        Assert.Equal(session.Id, completed.Id);
        Assert.Equal("paid", completed.PaymentStatus);
        Assert.Equal("INV-42", completed.Metadata["invoice_id"]);
        Assert.Equal(_practice.Id, events[1].Account);
        Assert.Equal("2026-10-28.endive", events[1].ApiVersion);
    }

    [Fact]
    public async Task The_signature_rejects_an_altered_body_a_wrong_secret_and_a_stale_timestamp()
    {
        await PaidSessionAsync();
        var hook = (await Eventually.GetAsync(() => Task.FromResult(_emulator.ConnectHooks.Received.FirstOrDefault()), what: "a webhook"))!;

        Assert.Throws<StripeException>(() => EventUtility.ConstructEvent(hook.Body.Replace("10050", "1", StringComparison.Ordinal), hook.Signature, EmulatorHarness.ConnectSecret));
        Assert.Throws<StripeException>(() => EventUtility.ConstructEvent(hook.Body, hook.Signature, "whsec_someone_else"));
        var timestamp = long.Parse(hook.Signature.Split(',')[0][2..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Throws<StripeException>(() => EventUtility.ConstructEvent(hook.Body, hook.Signature, EmulatorHarness.ConnectSecret, 300, timestamp + 301, true));
    }

    [Fact]
    public async Task A_rolling_secret_signs_with_both_secrets()
    {
        await PaidSessionAsync();
        var hook = (await Eventually.GetAsync(() => Task.FromResult(_emulator.ConnectHooks.Received.FirstOrDefault()), what: "a webhook"))!;

        Assert.Equal(2, hook.Signature.Split(',').Count(part => part.StartsWith("v1=", StringComparison.Ordinal)));
        Assert.Equal(EventUtility.ConstructEvent(hook.Body, hook.Signature, EmulatorHarness.ConnectSecret).Id,
            EventUtility.ConstructEvent(hook.Body, hook.Signature, EmulatorHarness.ConnectRolledSecret).Id);
    }

    [Fact]
    public async Task A_failing_endpoint_is_retried_until_it_answers_2xx()
    {
        _emulator.ConnectHooks.FailNext(2);

        await PaidSessionAsync();

        var deliveries = await Eventually.GetAsync(async () =>
        {
            var all = await _emulator.Server.Control.DeliveriesAsync();
            return all.Count(d => d.Succeeded) >= 2 ? all : null;
        }, what: "both events delivered");
        foreach (var type in new[] { "payment_intent.succeeded", "checkout.session.completed" })
        {
            var attempts = deliveries.Where(d => d.EventType == type).ToList();
            Assert.Equal([1, 2], attempts.Select(d => d.Attempt));
            Assert.Equal([500, 200], attempts.Select(d => d.StatusCode ?? 0));
        }

        var pending = await new EventService(_stripe).ListAsync(new EventListOptions { DeliverySuccess = false }, StripeObjects.On(_practice.Id));
        Assert.Empty(pending.Data);
    }

    [Fact]
    public async Task The_emulator_gives_up_after_the_attempt_limit_and_the_event_stays_undelivered()
    {
        _emulator.ConnectHooks.FailNext(1000);

        await PaidSessionAsync();

        var deliveries = await Eventually.GetAsync(async () =>
        {
            var all = await _emulator.Server.Control.DeliveriesAsync();
            return all.Count == 10 ? all : null;
        }, what: "five attempts at each of the two events");
        Assert.All(deliveries, d => Assert.False(d.Succeeded));
        Assert.Equal(5, deliveries.Max(d => d.Attempt));
        var pending = await new EventService(_stripe).ListAsync(new EventListOptions { DeliverySuccess = false }, StripeObjects.On(_practice.Id));
        Assert.Equal(2, pending.Data.Count);
    }

    [Fact]
    public async Task Events_never_delivered_are_listed_with_delivery_success_false()
    {
        await _emulator.Server.Control.PauseWebhooksAsync();
        var session = await PaidSessionAsync();
        await _emulator.Server.Control.DropHeldWebhooksAsync();

        var missed = await new EventService(_stripe).ListAsync(new EventListOptions
        {
            DeliverySuccess = false,
            Types = ["checkout.session.completed", "checkout.session.async_payment_succeeded"],
        }, StripeObjects.On(_practice.Id));

        Assert.Equal(session.Id, ((Session)Assert.Single(missed.Data).Data.Object).Id);
        Assert.Equal(1, missed.Data[0].PendingWebhooks);
        Assert.Equal(missed.Data[0].Id, (await new EventService(_stripe).GetAsync(missed.Data[0].Id, null, StripeObjects.On(_practice.Id))).Id);
        Assert.Empty(_emulator.ConnectHooks.Received);
    }

    [Fact]
    public async Task Held_events_can_be_delivered_newest_first_and_resent_as_duplicates()
    {
        await _emulator.Server.Control.PauseWebhooksAsync();
        await PaidSessionAsync();
        await _emulator.Server.Control.ResumeWebhooksAsync(newestFirst: true);

        var events = await ConnectEventsAsync(2, "the held events");
        Assert.Equal(["checkout.session.completed", "payment_intent.succeeded"], events.Select(e => e.Type));

        await _emulator.Server.Control.ResendEventAsync(events[0].Id);
        var withDuplicate = await ConnectEventsAsync(3, "the duplicate");
        Assert.Equal(events[0].Id, withDuplicate[2].Id);
    }

    [Fact]
    public async Task Platform_events_go_to_the_platform_endpoint_only()
    {
        var session = await new SessionService(_stripe).CreateAsync(StripeObjects.InvoiceSession());
        await new SessionService(_stripe).ExpireAsync(session.Id);

        var hook = await Eventually.GetAsync(() => Task.FromResult(_emulator.PlatformHooks.Received.FirstOrDefault()), what: "the platform's event");
        var received = EventUtility.ConstructEvent(hook.Body, hook.Signature, EmulatorHarness.PlatformSecret);
        Assert.Equal("checkout.session.expired", received.Type);
        Assert.Null(received.Account);
        Assert.Empty(_emulator.ConnectHooks.Received);
    }
}
