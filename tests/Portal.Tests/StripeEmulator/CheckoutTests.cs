using System.Net;
using Stripe;
using Stripe.Checkout;

namespace Portal.Tests.StripeEmulator;

public sealed class CheckoutTests : IAsyncLifetime
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

    private Task<Session> CreateSessionAsync(SessionCreateOptions? options = null)
        => new SessionService(_stripe).CreateAsync(options ?? StripeObjects.InvoiceSession(), StripeObjects.On(_practice.Id));

    [Fact]
    public async Task A_new_session_is_open_unpaid_and_points_at_the_hosted_page()
    {
        var session = await CreateSessionAsync();

        Assert.StartsWith("cs_test_", session.Id, StringComparison.Ordinal);
        Assert.Equal("open", session.Status);
        Assert.Equal("unpaid", session.PaymentStatus);
        Assert.Equal(10050, session.AmountTotal);
        Assert.Equal("cad", session.Currency);
        Assert.Equal("INV-42", session.ClientReferenceId);
        Assert.Equal("INV-42", session.Metadata["invoice_id"]);
        Assert.Null(session.PaymentIntentId);
        Assert.InRange(session.ExpiresAt - session.Created, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24.1));
        Assert.StartsWith(_emulator.Server.ApiBase, session.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hosted_page_shows_test_mode_the_practice_the_lines_and_the_total()
    {
        var session = await CreateSessionAsync();

        var page = await _emulator.Raw(authenticated: false).GetStringAsync(session.Url);

        Assert.Contains("Test mode", page, StringComparison.Ordinal);
        Assert.Contains("Maple &amp; Co. CPA", page, StringComparison.Ordinal);
        Assert.Contains("Invoice INV-42", page, StringComparison.Ordinal);
        Assert.Contains("100.50 CAD", page, StringComparison.Ordinal);
        Assert.Contains("name=\"number\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"https://portal.example/pay/cancelled\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Card_4242_pays_redirects_to_success_url_with_the_id_and_records_intent_charge_and_fee()
    {
        var session = await CreateSessionAsync(WithFee(StripeObjects.InvoiceSession(), 300));

        var response = await HostedCheckout.PayByCardAsync(_emulator.Raw(authenticated: false), session.Url, "4242 4242 4242 4242");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"https://portal.example/pay/done?session={session.Id}", response.Headers.Location!.ToString());
        var paid = await new SessionService(_stripe).GetAsync(session.Id, null, StripeObjects.On(_practice.Id));
        Assert.Equal("complete", paid.Status);
        Assert.Equal("paid", paid.PaymentStatus);
        Assert.Null(paid.Url);
        var intent = await new PaymentIntentService(_stripe).GetAsync(paid.PaymentIntentId, null, StripeObjects.On(_practice.Id));
        Assert.Equal("succeeded", intent.Status);
        Assert.Equal(10050, intent.AmountReceived);
        Assert.Equal(300, intent.ApplicationFeeAmount);
        Assert.Equal("INV-42", intent.Metadata["invoice_id"]);
        var charge = await new ChargeService(_stripe).GetAsync(intent.LatestChargeId, null, StripeObjects.On(_practice.Id));
        Assert.Equal("4242", charge.PaymentMethodDetails.Card.Last4);
        var balance = await new BalanceTransactionService(_stripe).GetAsync(charge.BalanceTransactionId, null, StripeObjects.On(_practice.Id));
        Assert.Equal(291 + 30 + 300, balance.Fee);
        Assert.Equal(10050 - balance.Fee, balance.Net);
    }

    [Fact]
    public async Task Card_0002_is_declined_on_the_page_the_session_stays_open_and_a_retry_pays()
    {
        var session = await CreateSessionAsync();
        var browser = _emulator.Raw(authenticated: false);

        var declined = await HostedCheckout.PayByCardAsync(browser, session.Url, "4000 0000 0000 0002");

        Assert.Equal(HttpStatusCode.PaymentRequired, declined.StatusCode);
        Assert.Contains("Your card was declined.", await declined.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var open = await new SessionService(_stripe).GetAsync(session.Id, null, StripeObjects.On(_practice.Id));
        Assert.Equal("open", open.Status);
        var failedIntent = await new PaymentIntentService(_stripe).GetAsync(open.PaymentIntentId, null, StripeObjects.On(_practice.Id));
        Assert.Equal("requires_payment_method", failedIntent.Status);
        Assert.Equal("generic_decline", failedIntent.LastPaymentError.DeclineCode);

        var retry = await HostedCheckout.PayByCardAsync(browser, session.Url, "4242424242424242");

        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        var paid = await new SessionService(_stripe).GetAsync(session.Id, null, StripeObjects.On(_practice.Id));
        Assert.Equal("paid", paid.PaymentStatus);
        Assert.Equal(failedIntent.Id, paid.PaymentIntentId);
    }

    [Fact]
    public async Task Card_9995_fails_with_insufficient_funds()
    {
        var session = await CreateSessionAsync();

        var response = await HostedCheckout.PayByCardAsync(_emulator.Raw(authenticated: false), session.Url, "4000000000009995");

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.Contains("insufficient funds", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var intent = await new PaymentIntentService(_stripe).GetAsync((await new SessionService(_stripe).GetAsync(session.Id, null, StripeObjects.On(_practice.Id))).PaymentIntentId, null, StripeObjects.On(_practice.Id));
        Assert.Equal("insufficient_funds", intent.LastPaymentError.DeclineCode);
    }

    [Fact]
    public async Task A_mistyped_card_is_answered_at_the_field_and_nothing_is_charged()
    {
        var session = await CreateSessionAsync();

        var response = await HostedCheckout.PayByCardAsync(_emulator.Raw(authenticated: false), session.Url, "4242 4242 4242 4241", expiry: "13 / 30", cvc: "1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"number-error\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"expiry-error\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"cvc-error\"", page, StringComparison.Ordinal);
        Assert.Null((await new SessionService(_stripe).GetAsync(session.Id, null, StripeObjects.On(_practice.Id))).PaymentIntentId);
    }

    [Fact]
    public async Task A_post_to_the_hosted_page_that_is_not_a_form_is_a_400()
    {
        var session = await CreateSessionAsync();

        var response = await _emulator.Raw(authenticated: false).PostAsync(session.Url, new StringContent("{\"number\":\"4242424242424242\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("open", (await new SessionService(_stripe).GetAsync(session.Id, null, StripeObjects.On(_practice.Id))).Status);
    }

    [Theory]
    [InlineData(true, "succeeded", "paid", "checkout.session.async_payment_succeeded")]
    [InlineData(false, "requires_payment_method", "unpaid", "checkout.session.async_payment_failed")]
    public async Task The_delayed_method_completes_unpaid_then_settles_through_the_control_api(bool succeeds, string intentStatus, string paymentStatus, string eventType)
    {
        var session = await CreateSessionAsync();

        var response = await HostedCheckout.PayByBankDebitAsync(_emulator.Raw(authenticated: false), session.Url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var completed = await new SessionService(_stripe).GetAsync(session.Id, null, StripeObjects.On(_practice.Id));
        Assert.Equal("complete", completed.Status);
        Assert.Equal("unpaid", completed.PaymentStatus);
        Assert.Equal("processing", (await new PaymentIntentService(_stripe).GetAsync(completed.PaymentIntentId, null, StripeObjects.On(_practice.Id))).Status);

        await _emulator.Server.Control.SettleAsyncPaymentAsync(session.Id, succeeds);

        var settled = await new SessionService(_stripe).GetAsync(session.Id, null, StripeObjects.On(_practice.Id));
        Assert.Equal(paymentStatus, settled.PaymentStatus);
        Assert.Equal(intentStatus, (await new PaymentIntentService(_stripe).GetAsync(settled.PaymentIntentId, null, StripeObjects.On(_practice.Id))).Status);
        var events = await new EventService(_stripe).ListAsync(new EventListOptions { Type = eventType }, StripeObjects.On(_practice.Id));
        Assert.Equal(session.Id, ((Session)Assert.Single(events.Data).Data.Object).Id);
    }

    [Fact]
    public async Task Expiring_a_session_closes_its_page_and_sends_checkout_session_expired()
    {
        var session = await CreateSessionAsync();

        var expired = await new SessionService(_stripe).ExpireAsync(session.Id, null, StripeObjects.On(_practice.Id));

        Assert.Equal("expired", expired.Status);
        var page = await _emulator.Raw(authenticated: false).GetAsync(session.Url);
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains("expired", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var again = await Assert.ThrowsAsync<StripeException>(() => new SessionService(_stripe).ExpireAsync(session.Id, null, StripeObjects.On(_practice.Id)));
        Assert.Equal(HttpStatusCode.BadRequest, again.HttpStatusCode);
        var events = await new EventService(_stripe).ListAsync(new EventListOptions { Type = "checkout.session.expired" }, StripeObjects.On(_practice.Id));
        Assert.Single(events.Data);
    }

    [Fact]
    public async Task A_session_expires_by_itself_at_expires_at_on_the_emulators_clock()
    {
        var options = StripeObjects.InvoiceSession();
        options.ExpiresAt = _emulator.Clock.GetUtcNow().UtcDateTime.AddMinutes(31);
        var session = await CreateSessionAsync(options);

        _emulator.Clock.Advance(TimeSpan.FromMinutes(32));

        Assert.Equal("expired", (await new SessionService(_stripe).GetAsync(session.Id, null, StripeObjects.On(_practice.Id))).Status);
        Assert.Equal(HttpStatusCode.Gone, (await HostedCheckout.PayByCardAsync(_emulator.Raw(authenticated: false), session.Url, "4242424242424242")).StatusCode);
    }

    [Theory]
    [InlineData(29)]
    [InlineData(24 * 60 + 10)]
    public async Task Expires_at_outside_30_minutes_to_24_hours_is_refused(int minutes)
    {
        var options = StripeObjects.InvoiceSession();
        options.ExpiresAt = _emulator.Clock.GetUtcNow().UtcDateTime.AddMinutes(minutes);

        var error = await Assert.ThrowsAsync<StripeException>(() => CreateSessionAsync(options));

        Assert.Equal("expires_at", error.StripeError.Param);
    }

    [Fact]
    public async Task Allowed_payment_method_types_card_only_hides_the_delayed_method()
    {
        var options = StripeObjects.InvoiceSession();
        options.AllowedPaymentMethodTypes = ["card"];
        var session = await CreateSessionAsync(options);

        Assert.Equal(["card"], session.AllowedPaymentMethodTypes);
        var page = await _emulator.Raw(authenticated: false).GetStringAsync(session.Url);
        Assert.DoesNotContain("bank debit", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await HostedCheckout.PayByBankDebitAsync(_emulator.Raw(authenticated: false), session.Url)).StatusCode);
    }

    [Fact]
    public async Task An_application_fee_without_Stripe_Account_is_refused()
    {
        var error = await Assert.ThrowsAsync<StripeException>(() => new SessionService(_stripe).CreateAsync(WithFee(StripeObjects.InvoiceSession(), 100)));

        Assert.Equal("payment_intent_data[application_fee_amount]", error.StripeError.Param);
    }

    [Fact]
    public async Task Sessions_list_filters_by_created_and_status()
    {
        var first = await CreateSessionAsync();
        _emulator.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await CreateSessionAsync();
        await new SessionService(_stripe).ExpireAsync(first.Id, null, StripeObjects.On(_practice.Id));

        var recent = await new SessionService(_stripe).ListAsync(new SessionListOptions { Created = new DateRangeOptions { GreaterThanOrEqual = second.Created } }, StripeObjects.On(_practice.Id));
        var expired = await new SessionService(_stripe).ListAsync(new SessionListOptions { Status = "expired" }, StripeObjects.On(_practice.Id));

        Assert.Equal([second.Id], recent.Data.Select(s => s.Id));
        Assert.Equal([first.Id], expired.Data.Select(s => s.Id));
    }

    private static SessionCreateOptions WithFee(SessionCreateOptions options, long fee)
    {
        options.PaymentIntentData.ApplicationFeeAmount = fee;
        return options;
    }
}
