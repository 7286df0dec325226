using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Billing.Models;
using Portal.Billing.Payments;
using Portal.Billing.Services;
using Portal.Tests.Infrastructure;
using Portal.Tests.StripeEmulator;
using Stripe.Checkout;

namespace Portal.Tests.Billing;

/// <summary>Online payments for tests: the practice's connected account, and a Checkout Session paid on the emulator and put into the books.</summary>
internal static class OnlinePayments
{
    /// <summary>"Set up payments" clicked once: the practice has a connected account (enough to charge and refund on the emulator).</summary>
    public static async Task<string> ConnectAsync(BillingScenario scenario, HttpClient admin)
    {
        var response = await admin.SubmitFormAsync("admin/billing/setup-payments", [], "[data-testid=payments-setup] form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var account = await scenario.InPracticeAsync(sp => sp.GetRequiredService<PayoutAccounts>().FindAsync());
        return account!.StripeAccountId;
    }

    /// <summary>The client pays <paramref name="invoice"/> (plus <paramref name="fee"/>) by card on Checkout; the paid session is recorded as the webhook job would.</summary>
    public static async Task<Payment> PayAsync(StripeConnectApps apps, BillingScenario scenario, string account, Invoice invoice, long fee = 0)
    {
        var stripe = apps.Emulator.Stripe();
        var metadata = new Dictionary<string, string>
        {
            [StripeMetadataKeys.Practice] = scenario.Practice.Id.ToString(),
            [StripeMetadataKeys.Invoice] = invoice.Id.ToString(),
            [StripeMetadataKeys.Fee] = fee.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var options = new SessionCreateOptions
        {
            Mode = "payment",
            SuccessUrl = "https://portal.example/pay/done?session={CHECKOUT_SESSION_ID}",
            CancelUrl = "https://portal.example/pay/cancelled",
            Metadata = metadata,
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = invoice.Currency.ToLowerInvariant(),
                        UnitAmount = invoice.Balance + fee,
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = $"Invoice {invoice.Number}" },
                    },
                },
            ],
            PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = metadata },
        };
        var session = await new SessionService(stripe).CreateAsync(options, StripeObjects.On(account, Guid.NewGuid().ToString()));
        var paid = await HostedCheckout.PayByCardAsync(apps.Emulator.Raw(authenticated: false), session.Url, "4242424242424242");
        Assert.True(paid.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.OK, $"hosted checkout answered {paid.StatusCode}");
        var read = await new SessionService(stripe).GetAsync(session.Id, null, StripeObjects.On(account));
        var outcome = await scenario.InPracticeAsync(sp => sp.GetRequiredService<CheckoutSettlement>().ApplyAsync(read, false));
        Assert.Equal(CheckoutOutcome.Paid, outcome);
        return (await scenario.InPracticeAsync(sp => sp.GetRequiredService<PaymentLedger>().FindByProviderKeyAsync(session.Id)))!;
    }
}
