using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Billing.Data;
using Portal.Billing.Models;
using Portal.Billing.Payments;
using Portal.Tests.Infrastructure;
using Portal.Tests.StripeEmulator;
using Stripe;
using Stripe.Checkout;
using Invoice = Portal.Billing.Models.Invoice;

namespace Portal.Tests.Billing;

/// <summary>
/// A practice onboarded on the emulator with an open invoice, and Checkout Sessions made on its connected
/// account as the portal's Pay button makes them (the practice, invoice and fee in the session's and the
/// payment intent's metadata), paid on the emulator's hosted page.
/// </summary>
internal sealed record WebhookScenario(BillingScenario Billing, string Account, StripeClient Stripe, HttpClient Browser)
{
    public const long InvoiceAmount = 10_000;
    public const string GoodCard = "4242 4242 4242 4242";

    public static async Task<WebhookScenario> CreateAsync(PortalApplication app, EmulatorHarness emulator)
    {
        var billing = await BillingScenario.CreateAsync(app);
        var onboarded = await billing.InPracticeAsync(sp => sp.GetRequiredService<EmulatorOnboarding>()
            .CompleteAsync("Maple & Finch CPA", new OnboardingUrls("http://localhost/admin/billing/setup-payments", "http://localhost/admin/billing/setup-payments/refresh")));
        Assert.True(onboarded.Succeeded, string.Join(" ", onboarded.Errors.Select(e => e.Message)));
        return new WebhookScenario(billing, onboarded.Value!.StripeAccountId, emulator.Stripe(), emulator.Raw(authenticated: false));
    }

    public async Task<(Invoice Invoice, Session Session)> OpenSessionAsync(string number)
    {
        var invoice = await Billing.InvoiceAsync(number, InvoiceAmount);
        var metadata = new Dictionary<string, string>
        {
            [StripeMetadataKeys.Practice] = Billing.Practice.Id.ToString(),
            [StripeMetadataKeys.Invoice] = invoice.Id.ToString(),
            [StripeMetadataKeys.Fee] = "0",
        };
        var session = await new SessionService(Stripe).CreateAsync(
            new SessionCreateOptions
            {
                Mode = "payment",
                SuccessUrl = "http://localhost/billing/paid?session={CHECKOUT_SESSION_ID}",
                CancelUrl = "http://localhost/billing",
                ClientReferenceId = number,
                Metadata = metadata,
                LineItems =
                [
                    new SessionLineItemOptions
                    {
                        Quantity = 1,
                        PriceData = new SessionLineItemPriceDataOptions
                        {
                            Currency = "cad",
                            UnitAmount = InvoiceAmount,
                            ProductData = new SessionLineItemPriceDataProductDataOptions { Name = $"Invoice {number}" },
                        },
                    },
                ],
                PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = new Dictionary<string, string>(metadata) },
            },
            new RequestOptions { StripeAccount = Account });
        return (invoice, session);
    }

    public async Task PayByCardAsync(Session session)
        => Assert.Equal(System.Net.HttpStatusCode.Redirect, (await HostedCheckout.PayByCardAsync(Browser, session.Url, GoodCard)).StatusCode);

    public async Task PayByBankDebitAsync(Session session)
        => Assert.Equal(System.Net.HttpStatusCode.Redirect, (await HostedCheckout.PayByBankDebitAsync(Browser, session.Url)).StatusCode);

    public Task<List<Payment>> PaymentsAsync(Session session)
        => Billing.InPracticeAsync(sp => sp.GetRequiredService<BillingDbContext>().Payments.AsNoTracking().Where(p => p.CheckoutSessionId == session.Id).ToListAsync());

    public Task<List<StripeEvent>> StoredEventsAsync(System.Linq.Expressions.Expression<Func<StripeEvent, bool>>? where = null)
        => Billing.InPracticeAsync(sp => sp.GetRequiredService<BillingDbContext>().StripeEvents.AsNoTracking().Where(where ?? (_ => true)).ToListAsync());

    /// <summary>The event of <paramref name="type"/> the emulator made for the session, as Stripe lists it.</summary>
    public async Task<Event> EventOfAsync(Session session, string type)
    {
        var events = await new EventService(Stripe).ListAsync(new EventListOptions { Type = type, Limit = 100 }, new RequestOptions { StripeAccount = Account });
        return events.Data.Single(e => e.Data.Object is Session s && s.Id == session.Id);
    }
}
