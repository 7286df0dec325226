using System.Net;
using Stripe;
using Stripe.Checkout;

namespace Portal.Tests.StripeEmulator;

public sealed class ConnectScopingTests : IAsyncLifetime
{
    private EmulatorHarness _emulator = null!;
    private StripeClient _stripe = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHarness.StartAsync();
        _stripe = _emulator.Stripe();
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task A_session_made_on_a_connected_account_is_visible_only_with_its_Stripe_Account()
    {
        var maple = await StripeObjects.OnboardedLaterAccountAsync(_stripe, "Maple");
        var birch = await StripeObjects.OnboardedLaterAccountAsync(_stripe, "Birch");
        var sessions = new SessionService(_stripe);
        var session = await sessions.CreateAsync(StripeObjects.InvoiceSession(), StripeObjects.On(maple.Id));

        var withoutHeader = await Assert.ThrowsAsync<StripeException>(() => sessions.GetAsync(session.Id));
        var otherAccount = await Assert.ThrowsAsync<StripeException>(() => sessions.GetAsync(session.Id, null, StripeObjects.On(birch.Id)));

        Assert.Equal(HttpStatusCode.NotFound, withoutHeader.HttpStatusCode);
        Assert.Equal("resource_missing", withoutHeader.StripeError.Code);
        Assert.Equal(HttpStatusCode.NotFound, otherAccount.HttpStatusCode);
        Assert.Equal(session.Id, (await sessions.GetAsync(session.Id, null, StripeObjects.On(maple.Id))).Id);
        Assert.Empty((await sessions.ListAsync()).Data);
        Assert.Empty((await sessions.ListAsync(null, StripeObjects.On(birch.Id))).Data);
    }

    [Fact]
    public async Task A_Stripe_Account_the_platform_does_not_own_is_403()
    {
        var error = await Assert.ThrowsAsync<StripeException>(() => new SessionService(_stripe).ListAsync(null, StripeObjects.On("acct_nobodys")));

        Assert.Equal(HttpStatusCode.Forbidden, error.HttpStatusCode);
        Assert.Equal("account_invalid", error.StripeError.Code);
    }

    [Fact]
    public async Task Refunds_and_payment_intents_of_a_connected_account_need_its_header()
    {
        var maple = await StripeObjects.OnboardedLaterAccountAsync(_stripe);
        var session = await new SessionService(_stripe).CreateAsync(StripeObjects.InvoiceSession(), StripeObjects.On(maple.Id));
        await HostedCheckout.PayByCardAsync(_emulator.Raw(authenticated: false), session.Url, "4242424242424242");
        var paid = await new SessionService(_stripe).GetAsync(session.Id, null, StripeObjects.On(maple.Id));

        var intent = await Assert.ThrowsAsync<StripeException>(() => new PaymentIntentService(_stripe).GetAsync(paid.PaymentIntentId));
        var refund = await Assert.ThrowsAsync<StripeException>(() => new RefundService(_stripe).CreateAsync(new RefundCreateOptions { PaymentIntent = paid.PaymentIntentId }));

        Assert.Equal(HttpStatusCode.NotFound, intent.HttpStatusCode);
        Assert.Equal("payment_intent", refund.StripeError.Param);
    }
}
