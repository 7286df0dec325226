using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Billing.Data;
using Portal.Billing.Models;
using Portal.Billing.Payments;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;
using Portal.Tests.StripeEmulator;
using Stripe;
using Stripe.Checkout;

namespace Portal.Tests.Billing;

/// <summary>A billing scenario whose practice is onboarded on the emulator and takes payments online, with its client signed in.</summary>
internal sealed record CheckoutScenario(BillingScenario Billing, HttpClient Client, string AccountId, StripeConnectApps Apps)
{
    public static async Task<CheckoutScenario> CreateAsync(StripeConnectApps apps, DatabaseProvider provider, Func<PaymentSettings, PaymentSettings>? settings = null)
    {
        var billing = await BillingScenario.CreateAsync(await apps.For(provider));
        var onboarded = await billing.InPracticeAsync(sp => sp.GetRequiredService<EmulatorOnboarding>()
            .CompleteAsync(billing.Practice.DisplayName, new OnboardingUrls("https://portal.example/setup", "https://portal.example/setup/refresh")));
        Assert.True(onboarded.Succeeded && onboarded.Value!.Ready, "the practice could not be onboarded on the emulator");
        await billing.SettingsAsync(s => (settings ?? (x => x))(s with { PaymentsEnabled = true }));
        var client = await billing.App.SignedInClientAsync(billing.Practice, billing.ClientUser);
        return new CheckoutScenario(billing, client, onboarded.Value.StripeAccountId, apps);
    }

    public static string InvoicePage(Guid invoiceId) => $"billing/invoices/{invoiceId}";

    public Task<IHtmlDocument> InvoiceDocumentAsync(Guid invoiceId) => Client.GetDocumentAsync(InvoicePage(invoiceId));

    /// <summary>The client presses Pay (with the amount typed, when given).</summary>
    public Task<HttpResponseMessage> PayAsync(Guid invoiceId, string? amount = null)
        => Client.SubmitFormAsync(InvoicePage(invoiceId), amount is null ? [] : new() { ["Pay.Amount"] = amount }, "[data-testid=pay-form]");

    /// <summary>A Pay posted directly (the form may not be shown), with a token from the invoice page.</summary>
    public async Task<HttpResponseMessage> PostPayAsync(Guid invoiceId, string amount, string? token = null)
    {
        token ??= await Client.AntiforgeryTokenAsync(InvoicePage(invoiceId));
        return await Client.PostAsync(
            $"{InvoicePage(invoiceId)}?handler=Pay",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Pay.Amount"] = amount }));
    }

    /// <summary>The payer on the emulator's hosted page; answers where Stripe sends the browser (or the page again, on a decline).</summary>
    public Task<HttpResponseMessage> PayByCardAsync(Uri sessionUrl, string number)
        => HostedCheckout.PayByCardAsync(Apps.Emulator.Raw(authenticated: false), sessionUrl.ToString(), number);

    /// <summary>Pays an invoice end to end: Pay, the hosted page with the card, and the success page the browser comes back to.</summary>
    public async Task<(Uri SessionUrl, IHtmlDocument Success)> PayEndToEndAsync(Guid invoiceId, string card = "4242 4242 4242 4242", string? amount = null)
    {
        var pay = await PayAsync(invoiceId, amount);
        Assert.Equal(HttpStatusCode.SeeOther, pay.StatusCode);
        var paid = await PayByCardAsync(pay.Headers.Location!, card);
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        var back = await Client.GetAsync(paid.Headers.Location!);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        return (pay.Headers.Location!, HtmlForms.Parse(await back.Content.ReadAsStringAsync()));
    }

    public Task<List<CheckoutAttempt>> AttemptsAsync()
        => Billing.InPracticeAsync(sp => sp.GetRequiredService<BillingDbContext>().CheckoutAttempts.AsNoTracking().ToListAsync());

    public Task<List<Payment>> PaymentsAsync()
        => Billing.InPracticeAsync(sp => sp.GetRequiredService<BillingDbContext>().Payments.AsNoTracking().ToListAsync());

    /// <summary>The Checkout Sessions Stripe (the emulator) holds on the practice's account for the invoice.</summary>
    public async Task<List<Session>> SessionsAtStripeAsync(Guid invoiceId)
    {
        var sessions = await new SessionService(Apps.Emulator.Stripe()).ListAsync(new SessionListOptions { Limit = 100 }, new RequestOptions { StripeAccount = AccountId });
        return [.. sessions.Data.Where(s => s.Metadata.GetValueOrDefault(StripeMetadataKeys.Invoice) == invoiceId.ToString())];
    }

    public static string SessionIdOf(Uri sessionUrl) => sessionUrl.Segments[^1];
}
