using System.Net;
using Stripe;
using Stripe.Checkout;

namespace Portal.Tests.StripeEmulator;

public sealed class RefundTests : IAsyncLifetime
{
    private EmulatorHarness _emulator = null!;
    private StripeClient _stripe = null!;
    private Account _practice = null!;
    private string _paymentIntent = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHarness.StartAsync();
        _stripe = _emulator.Stripe();
        _practice = await StripeObjects.OnboardedLaterAccountAsync(_stripe);
        var session = await new SessionService(_stripe).CreateAsync(StripeObjects.InvoiceSession(10000), StripeObjects.On(_practice.Id));
        await HostedCheckout.PayByCardAsync(_emulator.Raw(authenticated: false), session.Url, "4242424242424242");
        _paymentIntent = (await new SessionService(_stripe).GetAsync(session.Id, null, StripeObjects.On(_practice.Id))).PaymentIntentId;
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private Task<Refund> RefundAsync(long? amount, string? reason = "requested_by_customer")
        => new RefundService(_stripe).CreateAsync(new RefundCreateOptions { PaymentIntent = _paymentIntent, Amount = amount, Reason = reason }, StripeObjects.On(_practice.Id));

    [Fact]
    public async Task Without_an_amount_the_whole_charge_is_refunded()
    {
        var refund = await RefundAsync(null);

        Assert.Equal(10000, refund.Amount);
        Assert.Equal("succeeded", refund.Status);
        Assert.Equal("requested_by_customer", refund.Reason);
        var read = await new RefundService(_stripe).GetAsync(refund.Id, null, StripeObjects.On(_practice.Id));
        Assert.Equal(_paymentIntent, read.PaymentIntentId);
        var charge = await new ChargeService(_stripe).GetAsync(read.ChargeId, null, StripeObjects.On(_practice.Id));
        Assert.True(charge.Refunded);
        Assert.Equal(10000, charge.AmountRefunded);
    }

    [Fact]
    public async Task Partial_refunds_add_up_to_the_total_and_the_remainder_is_the_default()
    {
        await RefundAsync(2500, "duplicate");
        await RefundAsync(2500);
        var rest = await RefundAsync(null, "fraudulent");

        Assert.Equal(5000, rest.Amount);
        var events = await new EventService(_stripe).ListAsync(new EventListOptions { Type = "charge.refunded" }, StripeObjects.On(_practice.Id));
        Assert.Equal([10000L, 5000L, 2500L], events.Data.Select(e => ((Charge)e.Data.Object).AmountRefunded));
        var full = await Assert.ThrowsAsync<StripeException>(() => RefundAsync(1));
        Assert.Equal("charge_already_refunded", full.StripeError.Code);
    }

    [Fact]
    public async Task Refunding_more_than_is_left_is_a_400_on_amount()
    {
        await RefundAsync(6000);

        var error = await Assert.ThrowsAsync<StripeException>(() => RefundAsync(4001));

        Assert.Equal(HttpStatusCode.BadRequest, error.HttpStatusCode);
        Assert.Equal("amount", error.StripeError.Param);
        Assert.Equal("amount_too_large", error.StripeError.Code);
    }

    [Theory]
    [InlineData(0L, null)]
    [InlineData(100L, "because")]
    public async Task A_zero_amount_or_an_unknown_reason_is_refused(long amount, string? reason)
    {
        var error = await Assert.ThrowsAsync<StripeException>(() => RefundAsync(amount, reason));

        Assert.Equal(HttpStatusCode.BadRequest, error.HttpStatusCode);
        Assert.Equal(reason is null ? "amount" : "reason", error.StripeError.Param);
    }
}
