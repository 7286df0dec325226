using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Billing.Models;
using Portal.Billing.Payments;
using Portal.Billing.Services;
using Portal.Clients.Data;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Events;
using Portal.Tests.Infrastructure;
using Stripe;
using Stripe.Checkout;

namespace Portal.Tests.Billing;

/// <summary>
/// Billing's side of secure payment requests against the Stripe emulator: availability and fee for the sender,
/// one Checkout Session per request however many clicks, the webhook recording the payment for the request's
/// client (allocated to the client's open invoice of that number, else unallocated), its events, receipt and
/// refunds, and the anonymous thank-you page.
/// </summary>
public sealed class PaymentRequestPaymentsTests(StripeWebhookApps apps) : IClassFixture<StripeWebhookApps>
{
    [Theory, BothDatabases]
    public async Task Unavailable_reasons_tell_the_sender_what_to_set_up_and_which_currency_is_refused(DatabaseProvider provider)
    {
        var billing = await BillingScenario.CreateAsync(await apps.WiredAsync(provider));

        var off = await ReasonAsync(billing, "CAD");
        await billing.SettingsAsync(s => s with { PaymentsEnabled = true });
        var noAccount = await ReasonAsync(billing, "CAD");
        var onboarded = await billing.InPracticeAsync(sp => sp.GetRequiredService<EmulatorOnboarding>()
            .CompleteAsync(billing.Practice.DisplayName, new OnboardingUrls("https://portal.example/setup", "https://portal.example/setup/refresh")));
        Assert.True(onboarded.Succeeded && onboarded.Value!.Ready);
        var ready = await ReasonAsync(billing, "CAD");
        var lower = await ReasonAsync(billing, "cad");
        var usd = await ReasonAsync(billing, "USD");
        await billing.SettingsAsync(s => s with { Currencies = "CAD,USD" });
        var usdAccepted = await ReasonAsync(billing, "USD");

        Assert.StartsWith("Set up payments first:", off, StringComparison.Ordinal);
        Assert.Contains("turned off", off, StringComparison.Ordinal);
        Assert.StartsWith("Set up payments first:", noAccount, StringComparison.Ordinal);
        Assert.Contains("Stripe account", noAccount, StringComparison.Ordinal);
        Assert.Null(ready);
        Assert.Null(lower);
        Assert.Equal("This practice does not accept USD.", usd);
        Assert.Null(usdAccepted);
    }

    [Theory, BothDatabases]
    public async Task The_fee_is_the_practice_s_pass_through_formula_with_the_client_s_province_rule(DatabaseProvider provider)
    {
        var billing = await BillingScenario.CreateAsync(await apps.WiredAsync(provider));

        var notPassed = await FeeAsync(billing, billing.ClientId, 10_000);
        await billing.SettingsAsync(s => s with { PassFeeToClient = true, FeeCapPercent = null });
        var passed = await FeeAsync(billing, billing.ClientId, 10_000);
        await billing.SettingsAsync(s => s with { PassFeeToClient = true, FeeCapPercent = 2.4m });
        var capped = await FeeAsync(billing, billing.ClientId, 10_000);
        await billing.InPracticeAsync(sp => sp.GetRequiredService<ClientsDbContext>().Clients.Where(c => c.Id == billing.OtherClientId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Province, "QC")));
        var quebec = await FeeAsync(billing, billing.OtherClientId, 10_000);
        var nothing = await FeeAsync(billing, billing.ClientId, 0);

        Assert.Equal(0, notPassed);
        Assert.Equal(350, passed);
        Assert.Equal(240, capped);
        Assert.Equal(0, quebec);
        Assert.Equal(0, nothing);
    }

    [Theory, BothDatabases]
    public async Task Twenty_parallel_starts_of_one_request_open_one_attempt_and_one_session(DatabaseProvider provider)
    {
        var scenario = await PaymentRequestScenario.CreateAsync(apps, provider);
        var charge = scenario.Charge("INV-PAR-1");

        var started = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => scenario.StartAsync(charge)));

        Assert.All(started, s => Assert.True(s.Succeeded, s.Error));
        Assert.Single(started.Select(s => s.RedirectTo).Distinct());
        var attempt = Assert.Single(await scenario.AttemptsAsync(charge.RequestId));
        Assert.Equal((charge.RequestId, (long)PaymentRequestScenario.Amount, 350L, CheckoutAttemptStatus.Open), (attempt.OpenPaymentRequestId!.Value, attempt.Amount, attempt.Fee, attempt.Status));
        var sessions = await new SessionService(apps.Emulator.Stripe()).ListAsync(new SessionListOptions { Limit = 100 }, new RequestOptions { StripeAccount = scenario.Webhooks.Account });
        var session = Assert.Single(sessions.Data, s => s.Metadata.GetValueOrDefault(StripeMetadataKeys.PaymentRequest) == charge.RequestId.ToString());
        Assert.Equal(attempt.SessionId, session.Id);
        Assert.Equal(10_350, session.AmountTotal);
        Assert.Equal(scenario.Billing.Practice.Id.ToString(), session.Metadata[StripeMetadataKeys.Practice]);
        Assert.Equal("350", session.Metadata[StripeMetadataKeys.Fee]);
        Assert.Equal(PaymentRequestScenario.PayerEmail, session.Metadata[StripeMetadataKeys.PayerEmail]);
        Assert.Equal("INV-PAR-1", session.Metadata[StripeMetadataKeys.InvoiceNumber]);
        Assert.Equal(charge.CancelUrl.AbsoluteUri, session.CancelUrl);
    }

    [Theory, BothDatabases]
    public async Task Closing_a_revoked_request_s_checkout_expires_its_page_at_Stripe_and_a_later_start_opens_a_new_one(DatabaseProvider provider)
    {
        var scenario = await PaymentRequestScenario.CreateAsync(apps, provider);
        var charge = scenario.Charge("INV-CLOSE-1");
        var first = await scenario.StartAsync(charge);
        var attempt = Assert.Single(await scenario.AttemptsAsync(charge.RequestId));

        Assert.True(await scenario.Billing.InPracticeAsync(sp => sp.GetRequiredService<IPaymentRequestPayments>().CloseCheckoutAsync(charge.RequestId)));

        var session = await new SessionService(apps.Emulator.Stripe()).GetAsync(attempt.SessionId, null, new RequestOptions { StripeAccount = scenario.Webhooks.Account });
        Assert.Equal("expired", session.Status);
        Assert.Equal(CheckoutAttemptStatus.Expired, Assert.Single(await scenario.AttemptsAsync(charge.RequestId)).Status);
        var second = await scenario.StartAsync(charge);
        Assert.True(second.Succeeded, second.Error);
        Assert.NotEqual(first.RedirectTo, second.RedirectTo);
    }

    [Theory, BothDatabases]
    public async Task A_paid_request_is_recorded_from_the_webhook_allocated_to_the_client_s_invoice_of_that_number_with_one_event_and_one_receipt(DatabaseProvider provider)
    {
        var scenario = await PaymentRequestScenario.CreateAsync(apps, provider);
        var invoice = await scenario.Billing.InvoiceAsync("INV-PR-" + Guid.NewGuid().ToString("N")[..6], PaymentRequestScenario.Amount);
        var charge = scenario.Charge(" " + invoice.Number.ToLowerInvariant() + " ");

        var thankYou = await scenario.PayAsync(charge);
        await scenario.WaitForPaymentAsync(charge.RequestId, PaymentStatus.Succeeded);
        var again = await scenario.StartAsync(charge);

        var payment = Assert.Single(await scenario.PaymentsAsync(charge.RequestId));
        Assert.Equal((scenario.Billing.ClientId, 10_350L, 350L, 0L), (payment.ClientId, payment.Amount, payment.FeeAmount, payment.UnallocatedAmount));
        Assert.Equal((PaymentRequestScenario.Subject, (Guid?)scenario.Billing.Staff.Id, invoice.Number.ToLowerInvariant()), (payment.Reference, payment.RequestedBy, payment.InvoiceNumber));
        var allocation = Assert.Single(await scenario.AllocationsAsync(payment.Id));
        Assert.Equal((invoice.Id, PaymentRequestScenario.Amount), (allocation.InvoiceId, allocation.Amount));
        Assert.Equal(InvoiceStatus.Paid, (await scenario.Billing.ReloadAsync(invoice.Id))!.Status);
        var published = Assert.Single(await scenario.EventsAsync(charge.RequestId));
        Assert.Equal(new PaymentRequestPaymentChanged(charge.RequestId, payment.Id, PaymentRequestPaymentStatus.Paid, 10_350, 350, 0, "CAD"), published);
        Assert.True(again.Succeeded, again.Error);
        Assert.Equal(thankYou, again.RedirectTo);
        Assert.Single(await scenario.AttemptsAsync(charge.RequestId));

        var receipt = await Eventually.GetAsync(
            () => scenario.Billing.InPracticeAsync(sp => sp.GetRequiredService<CoreTenantDbContext>().OutboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == PaymentReceipts.MessageIdOf(payment.Id))),
            timeout: TimeSpan.FromMinutes(1), what: "the receipt queued");
        Assert.Equal(PaymentRequestScenario.PayerEmail, receipt.To);
        Assert.Contains(Money.Format(10_350, "CAD"), receipt.TextBody, StringComparison.Ordinal);
        var receipts = await scenario.Billing.InPracticeAsync(sp => sp.GetRequiredService<CoreTenantDbContext>().OutboxMessages.CountAsync(m => m.Template == ReceiptMailTemplate.Name));
        Assert.Equal(1, receipts);
    }

    [Theory, BothDatabases]
    public async Task A_request_naming_no_invoice_of_its_client_is_recorded_unallocated_with_the_number_kept(DatabaseProvider provider)
    {
        var scenario = await PaymentRequestScenario.CreateAsync(apps, provider, passFee: false);
        var othersInvoice = await scenario.Billing.InvoiceAsync("INV-OTHER-" + Guid.NewGuid().ToString("N")[..6], PaymentRequestScenario.Amount, clientId: scenario.Billing.OtherClientId);
        var charge = scenario.Charge(othersInvoice.Number);

        await scenario.PayAsync(charge);
        await scenario.WaitForPaymentAsync(charge.RequestId, PaymentStatus.Succeeded);

        var payment = Assert.Single(await scenario.PaymentsAsync(charge.RequestId));
        Assert.Equal((scenario.Billing.ClientId, PaymentRequestScenario.Amount, 0L, PaymentRequestScenario.Amount), (payment.ClientId, payment.Amount, payment.FeeAmount, payment.UnallocatedAmount));
        Assert.Equal(othersInvoice.Number, payment.InvoiceNumber);
        Assert.Empty(await scenario.AllocationsAsync(payment.Id));
        Assert.Equal(InvoiceStatus.Open, (await scenario.Billing.ReloadAsync(othersInvoice.Id))!.Status);
        Assert.Equal([PaymentRequestPaymentStatus.Paid], (await scenario.EventsAsync(charge.RequestId)).Select(e => e.Status));
    }

    [Theory, BothDatabases]
    public async Task Refunds_of_a_request_s_payment_publish_partly_refunded_then_refunded(DatabaseProvider provider)
    {
        var scenario = await PaymentRequestScenario.CreateAsync(apps, provider, passFee: false);
        var charge = scenario.Charge(null);
        await scenario.PayAsync(charge);
        await scenario.WaitForPaymentAsync(charge.RequestId, PaymentStatus.Succeeded);
        var payment = Assert.Single(await scenario.PaymentsAsync(charge.RequestId));

        var part = await RefundAsync(scenario, payment.Id, "30.00");
        var rest = await RefundAsync(scenario, payment.Id, null);

        Assert.True(part.Succeeded && rest.Succeeded, string.Join(" ", part.Errors.Concat(rest.Errors).Select(e => e.Message)));
        var events = await scenario.EventsAsync(charge.RequestId);
        Assert.Equal(
            [(PaymentRequestPaymentStatus.Paid, 0L), (PaymentRequestPaymentStatus.PartlyRefunded, 3_000L), (PaymentRequestPaymentStatus.Refunded, PaymentRequestScenario.Amount)],
            events.Select(e => (e.Status, e.RefundedAmount)));
        Assert.Equal(PaymentStatus.Refunded, Assert.Single(await scenario.PaymentsAsync(charge.RequestId)).Status);
    }

    [Theory, BothDatabases]
    public async Task The_thank_you_page_names_the_amount_and_the_payee_and_nothing_else_and_an_unknown_session_is_404(DatabaseProvider provider)
    {
        var scenario = await PaymentRequestScenario.CreateAsync(apps, provider);
        var invoice = await scenario.Billing.InvoiceAsync("INV-TY-" + Guid.NewGuid().ToString("N")[..6], PaymentRequestScenario.Amount);
        var charge = scenario.Charge(invoice.Number);
        await apps.Emulator.Server.Control.PauseWebhooksAsync();
        Uri thankYou;
        try
        {
            // The page confirms with Stripe itself: no webhook has told the portal yet.
            thankYou = await scenario.PayAsync(charge);
        }
        finally
        {
            await apps.Emulator.Server.Control.ResumeWebhooksAsync();
        }

        var anonymous = scenario.Billing.App.ClientFor(scenario.Billing.Practice);
        var page = await anonymous.GetAsync(thankYou);
        var html = await page.Content.ReadAsStringAsync();
        var unknown = await anonymous.GetAsync("billing/payment-requests/thank-you?session_id=cs_test_" + Guid.NewGuid().ToString("N"));
        var none = await anonymous.GetAsync("billing/payment-requests/thank-you");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = HtmlForms.Parse(html);
        Assert.Equal("paid", document.QuerySelector("[data-testid=checkout-outcome]")!.GetAttribute("data-outcome"));
        Assert.Equal(Money.Format(10_350, "CAD"), document.QuerySelector("[data-testid=payment-amount]")!.TextContent.Trim());
        Assert.Equal(scenario.Billing.Practice.DisplayName, document.QuerySelector("[data-testid=payment-payee]")!.TextContent.Trim());
        Assert.NotNull(document.QuerySelector("[data-testid=payment-date]"));
        Assert.Contains("no-store", page.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(PaymentRequestScenario.Subject, html, StringComparison.Ordinal);
        Assert.DoesNotContain(PaymentRequestScenario.PayerEmail, html, StringComparison.Ordinal);
        Assert.DoesNotContain(invoice.Number, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Harbour Bakery", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        var unknownHtml = await unknown.Content.ReadAsStringAsync();
        Assert.NotNull(HtmlForms.Parse(unknownHtml).QuerySelector("[data-testid=payment-not-found]"));
        Assert.DoesNotContain(Money.Format(10_350, "CAD"), unknownHtml, StringComparison.Ordinal);
        Assert.Single(await scenario.PaymentsAsync(charge.RequestId));
    }

    private static Task<string?> ReasonAsync(BillingScenario billing, string currency)
        => billing.InPracticeAsync(sp => sp.GetRequiredService<IPaymentRequestPayments>().UnavailableReasonAsync(currency));

    private static Task<long> FeeAsync(BillingScenario billing, Guid clientId, long amount)
        => billing.InPracticeAsync(sp => sp.GetRequiredService<IPaymentRequestPayments>().FeeAsync(clientId, amount, "CAD"));

    private static Task<BillingResult<Portal.Billing.Models.Refund>> RefundAsync(PaymentRequestScenario scenario, Guid paymentId, string? amount)
        => scenario.Billing.InPracticeAsync(sp => sp.GetRequiredService<PaymentRefunds>().RefundAsync(new RefundRequest(paymentId, Guid.NewGuid(), amount, RefundReason.RequestedByCustomer, null)));
}
