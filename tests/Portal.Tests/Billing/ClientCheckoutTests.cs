using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Billing.Models;
using Portal.Billing.Payments;
using Portal.Billing.Services;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;
using Portal.Tests.StripeEmulator;

namespace Portal.Tests.Billing;

/// <summary>The client's Pay against the Stripe emulator: Checkout as a direct charge, the success and cancel pages, the books.</summary>
public sealed class ClientCheckoutTests(StripeConnectApps apps) : IClassFixture<StripeConnectApps>
{
    private const string PaysCard = "4242 4242 4242 4242";
    private const string DeclinedCard = "4000 0000 0000 0002";

    [Theory, BothDatabases]
    public async Task A_client_pays_an_invoice_end_to_end_and_the_fee_is_its_own_line(DatabaseProvider provider)
    {
        var checkout = await CheckoutScenario.CreateAsync(apps, provider, s => s with { PassFeeToClient = true });
        var invoice = await checkout.Billing.InvoiceAsync("INV-PAY-1", 10_000);
        var fee = FeeCalculator.Fee(10_000, FeeSchedule.Default, null);

        var page = await checkout.InvoiceDocumentAsync(invoice.Id);
        var (sessionUrl, success) = await checkout.PayEndToEndAsync(invoice.Id);

        // The fee line before paying: 2.9% + 0.50 would be 3.50, held to the 2.4% cap.
        Assert.Equal(240, fee);
        Assert.Equal("2.40 CAD", page.QuerySelector("[data-testid=pay-fee]")!.TextContent.Trim());
        Assert.Equal("102.40 CAD", page.QuerySelector("[data-testid=pay-total]")!.TextContent.Trim());
        Assert.StartsWith(apps.Emulator.Server.ApiBase + "/c/pay/cs_", sessionUrl.ToString(), StringComparison.Ordinal);

        var outcome = success.QuerySelector("[data-testid=checkout-outcome]")!;
        Assert.Equal("paid", outcome.GetAttribute("data-outcome"));
        Assert.Contains($"Thank you, 102.40 CAD paid to {checkout.Billing.Practice.DisplayName}", outcome.TextContent, StringComparison.Ordinal);
        Assert.Contains("receipt", outcome.TextContent, StringComparison.Ordinal);
        Assert.Equal(InvoiceStatus.Paid, (await checkout.Billing.ReloadAsync(invoice.Id))!.Status);
        var payment = Assert.Single(await checkout.PaymentsAsync());
        Assert.Equal((PaymentMethod.Online, PaymentStatus.Succeeded, 10_240L, 240L, "CAD"), (payment.Method, payment.Status, payment.Amount, payment.FeeAmount, payment.Currency));
        Assert.Equal(CheckoutScenario.SessionIdOf(sessionUrl), payment.CheckoutSessionId);

        // The session at Stripe: a direct charge on the practice's account, both lines, metadata on the session and the intent.
        var session = Assert.Single(await checkout.SessionsAtStripeAsync(invoice.Id));
        Assert.Equal((10_240L, "cad", "INV-PAY-1", checkout.Billing.ClientUser.Email), (session.AmountTotal, session.Currency, session.ClientReferenceId, session.CustomerEmail));
        Assert.Equal(checkout.Billing.Practice.Id.ToString(), session.Metadata[StripeMetadataKeys.Practice]);
        Assert.Equal("240", session.Metadata[StripeMetadataKeys.Fee]);
        Assert.Equal(checkout.Billing.ClientUser.Id.ToString(), session.Metadata[StripeMetadataKeys.PaidBy]);
        Assert.InRange(session.ExpiresAt - session.Created, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
        var intent = await new Stripe.PaymentIntentService(apps.Emulator.Stripe()).GetAsync(session.PaymentIntentId, null, new Stripe.RequestOptions { StripeAccount = checkout.AccountId });
        Assert.Equal(invoice.Id.ToString(), intent.Metadata[StripeMetadataKeys.Invoice]);

        var receipt = await MailMessageReader.WaitForAsync(checkout.Billing.App.PickupDirectory, checkout.Billing.ClientUser.Email!);
        Assert.Contains("INV-PAY-1", receipt.Subject, StringComparison.Ordinal);
        Assert.Contains("Transaction fee: 2.40 CAD", receipt.Text, StringComparison.Ordinal);
        Assert.Contains("Total paid: 102.40 CAD", receipt.Text, StringComparison.Ordinal);
        Assert.Contains("Paid on the invoice: 100.00 CAD", receipt.Text, StringComparison.Ordinal);
        Assert.Contains("TEST MODE", receipt.Text, StringComparison.Ordinal);
        Assert.Contains(checkout.Billing.Practice.DisplayName, receipt.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_in_quebec_is_offered_no_fee_line_and_stripe_is_asked_for_the_invoice_amount_only()
    {
        var checkout = await CheckoutScenario.CreateAsync(apps, DatabaseProvider.Sqlite, s => s with { PassFeeToClient = true });
        await checkout.Billing.InPracticeAsync(sp => sp.GetRequiredService<Portal.Clients.Data.ClientsDbContext>().Clients
            .Where(c => c.Id == checkout.Billing.ClientId).ExecuteUpdateAsync(u => u.SetProperty(c => c.Province, "QC")));
        var invoice = await checkout.Billing.InvoiceAsync("INV-PAY-QC", 10_000);

        var page = await checkout.InvoiceDocumentAsync(invoice.Id);
        var csp = (await checkout.Client.GetAsync(CheckoutScenario.InvoicePage(invoice.Id))).Headers.GetValues("Content-Security-Policy").Single();
        var (sessionUrl, success) = await checkout.PayEndToEndAsync(invoice.Id);

        // A browser holds Pay's redirect to the page's form-action: Stripe's page (the emulator's here) is allowed.
        Assert.Contains($"form-action 'self' {apps.Emulator.Server.ApiBase};", csp, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=pay-fee]"));
        Assert.Equal("100.00 CAD", page.QuerySelector("[data-testid=pay-total]")!.TextContent.Trim());
        Assert.Equal("paid", success.QuerySelector("[data-testid=checkout-outcome]")!.GetAttribute("data-outcome"));
        var session = Assert.Single(await checkout.SessionsAtStripeAsync(invoice.Id));
        Assert.Equal((10_000L, "0"), (session.AmountTotal, session.Metadata[StripeMetadataKeys.Fee]));
        var payment = Assert.Single(await checkout.PaymentsAsync());
        Assert.Equal((10_000L, 0L), (payment.Amount, payment.FeeAmount));
        Assert.Equal(CheckoutScenario.SessionIdOf(sessionUrl), payment.CheckoutSessionId);
    }

    [Theory, BothDatabases]
    public async Task A_declined_card_leaves_the_invoice_open_and_the_pages_say_no_payment_was_made(DatabaseProvider provider)
    {
        var checkout = await CheckoutScenario.CreateAsync(apps, provider);
        var invoice = await checkout.Billing.InvoiceAsync("INV-DECLINE-1", 10_000);

        var pay = await checkout.PayAsync(invoice.Id);
        var declined = await checkout.PayByCardAsync(pay.Headers.Location!, DeclinedCard);
        var sessionId = CheckoutScenario.SessionIdOf(pay.Headers.Location!);
        var success = await checkout.Client.GetDocumentAsync($"billing/invoices/{invoice.Id}/paid?session_id={sessionId}");
        var attempt = Assert.Single(await checkout.AttemptsAsync());
        var cancelled = await checkout.Client.GetDocumentAsync($"billing/invoices/{invoice.Id}/pay-cancelled?attempt={attempt.Id}");

        Assert.Equal(HttpStatusCode.PaymentRequired, declined.StatusCode);
        Assert.Equal("open", success.QuerySelector("[data-testid=checkout-outcome]")!.GetAttribute("data-outcome"));
        Assert.Contains("nothing was charged", success.QuerySelector("[data-testid=checkout-outcome]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("cancelled", cancelled.QuerySelector("[data-testid=checkout-outcome]")!.GetAttribute("data-outcome"));
        Assert.Contains("No payment was made", cancelled.QuerySelector("[data-testid=checkout-outcome]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(InvoiceStatus.Open, (await checkout.Billing.ReloadAsync(invoice.Id))!.Status);
        Assert.Empty(await checkout.PaymentsAsync());
        // The cancel page closed the session at Stripe: the page left open cannot be paid later.
        Assert.Equal("expired", Assert.Single(await checkout.SessionsAtStripeAsync(invoice.Id)).Status);
        Assert.Equal(CheckoutAttemptStatus.Expired, Assert.Single(await checkout.AttemptsAsync()).Status);
        Assert.Equal(HttpStatusCode.Gone, (await checkout.PayByCardAsync(pay.Headers.Location!, PaysCard)).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_delayed_bank_debit_shows_processing_until_it_settles_then_paid_with_one_receipt(DatabaseProvider provider)
    {
        var checkout = await CheckoutScenario.CreateAsync(apps, provider);
        var invoice = await checkout.Billing.InvoiceAsync("INV-PAD-1", 10_000);
        var pay = await checkout.PayAsync(invoice.Id);
        var debited = await HostedCheckout.PayByBankDebitAsync(apps.Emulator.Raw(authenticated: false), pay.Headers.Location!.ToString());

        var processing = HtmlForms.Parse(await (await checkout.Client.GetAsync(debited.Headers.Location!)).Content.ReadAsStringAsync());
        var whileProcessing = await checkout.Billing.ReloadAsync(invoice.Id);
        await apps.Emulator.Server.Control.SettleAsyncPaymentAsync(CheckoutScenario.SessionIdOf(pay.Headers.Location!), succeeded: true);
        var settled = HtmlForms.Parse(await (await checkout.Client.GetAsync(debited.Headers.Location!)).Content.ReadAsStringAsync());

        Assert.Equal("processing", processing.QuerySelector("[data-testid=checkout-outcome]")!.GetAttribute("data-outcome"));
        Assert.Equal(InvoiceStatus.Open, whileProcessing!.Status);
        Assert.Equal("paid", settled.QuerySelector("[data-testid=checkout-outcome]")!.GetAttribute("data-outcome"));
        Assert.Equal(InvoiceStatus.Paid, (await checkout.Billing.ReloadAsync(invoice.Id))!.Status);
        var payment = Assert.Single(await checkout.PaymentsAsync());
        Assert.Equal(PaymentStatus.Succeeded, payment.Status);
        await MailMessageReader.WaitForAsync(checkout.Billing.App.PickupDirectory, checkout.Billing.ClientUser.Email!);
        var receipts = await checkout.Billing.InPracticeAsync(sp => sp.GetRequiredService<CoreTenantDbContext>().OutboxMessages
            .Where(m => m.Template == ReceiptMailTemplate.Name).CountAsync());
        Assert.Equal(1, receipts);
    }

    [Theory, BothDatabases]
    public async Task Partial_payments_follow_the_practice_s_rule_and_minimum(DatabaseProvider provider)
    {
        var fullOnly = await CheckoutScenario.CreateAsync(apps, provider);
        var invoice = await fullOnly.Billing.InvoiceAsync("INV-PART-1", 10_000);
        var partial = await CheckoutScenario.CreateAsync(apps, provider, s => s with { AllowPartialPayments = true, MinimumPartialPayment = 2_500 });
        var other = await partial.Billing.InvoiceAsync("INV-PART-2", 10_000);

        var fixedForm = await fullOnly.InvoiceDocumentAsync(invoice.Id);
        var refusedPart = await fullOnly.PostPayAsync(invoice.Id, "50.00");
        var editableForm = await partial.InvoiceDocumentAsync(other.Id);
        var belowMinimum = await partial.PayAsync(other.Id, "10.00");
        var part = await partial.PayAsync(other.Id, "30.00");

        Assert.Equal("hidden", fixedForm.QuerySelector("[name='Pay.Amount']")!.GetAttribute("type"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedPart.StatusCode);
        Assert.Equal(BillingErrors.PartialPaymentsOff.Message, FieldError(await refusedPart.Content.ReadAsStringAsync()));
        Assert.Equal("100.00", editableForm.QuerySelector("input[name='Pay.Amount']")!.GetAttribute("value"));
        Assert.NotEqual("hidden", editableForm.QuerySelector("input[name='Pay.Amount']")!.GetAttribute("type"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, belowMinimum.StatusCode);
        Assert.Equal("A partial payment must be at least 25.00 CAD.", FieldError(await belowMinimum.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.SeeOther, part.StatusCode);
        Assert.Equal(3_000, Assert.Single(await partial.SessionsAtStripeAsync(other.Id)).AmountTotal);

        var paid = await partial.PayByCardAsync(part.Headers.Location!, PaysCard);
        await partial.Client.GetAsync(paid.Headers.Location!);
        var reloaded = await partial.Billing.ReloadAsync(other.Id);
        Assert.Equal((InvoiceStatus.PartlyPaid, 7_000L), (reloaded!.Status, reloaded.Balance));
    }

    [Theory, BothDatabases]
    public async Task Bad_amounts_and_unpayable_invoices_are_refused_at_the_field_and_nothing_is_created(DatabaseProvider provider)
    {
        var checkout = await CheckoutScenario.CreateAsync(apps, provider, s => s with { Currencies = "CAD,USD", AllowPartialPayments = true, MinimumPartialPayment = 100 });
        var invoice = await checkout.Billing.InvoiceAsync("INV-BAD-1", 10_000);
        var usd = await checkout.Billing.InPracticeAsync(sp => sp.GetRequiredService<InvoiceBook>().SaveAsync(
            BillingScenario.Draft(checkout.Billing.ClientId, "INV-BAD-USD", 5_000) with { Currency = "USD" }));
        var token = await checkout.Client.AntiforgeryTokenAsync(CheckoutScenario.InvoicePage(invoice.Id));

        var cases = new Dictionary<string, string>
        {
            ["0"] = "The amount must be more than zero.",
            ["-5.00"] = "The amount must be more than zero.",
            ["100.01"] = BillingErrors.PaymentOverBalance.Message,
            ["1.005"] = "An amount has at most two decimals (cents).",
            ["ten dollars"] = "'ten dollars' is not an amount: write it like 125.50.",
            [""] = "Enter an amount.",
        };
        foreach (var (amount, message) in cases)
        {
            var response = await checkout.PostPayAsync(invoice.Id, amount, token);
            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{amount}: {(int)response.StatusCode}");
            Assert.Equal(message, FieldError(await response.Content.ReadAsStringAsync()));
        }

        await checkout.Billing.SettingsAsync(s => s with { Currencies = "CAD" });
        var notAccepted = await checkout.PostPayAsync(usd.Value!.Id, "50.00", token);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notAccepted.StatusCode);
        // The form is not offered for a currency the practice does not take; a Pay posted anyway says why.
        Assert.Contains("This practice does not accept USD.", HtmlForms.Parse(await notAccepted.Content.ReadAsStringAsync()).QuerySelector("[data-testid=pay-problem]")!.TextContent, StringComparison.Ordinal);

        // A paid invoice shows no Pay form and refuses a Pay posted anyway; a void one is not there at all.
        var paid = await checkout.Billing.InvoiceAsync("INV-BAD-PAID", 2_000);
        await checkout.Billing.InPracticeAsync(sp => sp.GetRequiredService<PaymentLedger>().RecordOfflineAsync(
            new OfflinePaymentDraft(checkout.Billing.ClientId, PaymentMethod.Cheque, new DateOnly(2026, 12, 1), "cheque 7", 2_000, "CAD", [new AllocationDraft(paid.Id, 2_000)])));
        var paidPage = await checkout.InvoiceDocumentAsync(paid.Id);
        var paidPay = await checkout.PostPayAsync(paid.Id, "20.00", token);
        var voided = await checkout.Billing.InvoiceAsync("INV-BAD-VOID", 2_000);
        await checkout.Billing.InPracticeAsync(sp => sp.GetRequiredService<InvoiceBook>().VoidAsync(voided.Id, "sent in error"));
        var voidPay = await checkout.PostPayAsync(voided.Id, "20.00", token);

        Assert.Null(paidPage.QuerySelector("[data-testid=pay-form]"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, paidPay.StatusCode);
        Assert.Contains(BillingErrors.PaymentInvoiceNotOpen.Message, HtmlForms.Parse(await paidPay.Content.ReadAsStringAsync()).QuerySelector("[data-testid=pay-problem]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, voidPay.StatusCode);
        Assert.Empty(await checkout.AttemptsAsync());
        Assert.Empty(await checkout.SessionsAtStripeAsync(invoice.Id));
        Assert.DoesNotContain(await checkout.PaymentsAsync(), p => p.Method == PaymentMethod.Online);
    }

    [Theory, BothDatabases]
    public async Task Twenty_parallel_pays_open_one_session_and_make_one_payment(DatabaseProvider provider)
    {
        var checkout = await CheckoutScenario.CreateAsync(apps, provider);
        var invoice = await checkout.Billing.InvoiceAsync("INV-PAR-1", 10_000);
        var token = await checkout.Client.AntiforgeryTokenAsync(CheckoutScenario.InvoicePage(invoice.Id));

        var clicks = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => checkout.PostPayAsync(invoice.Id, "100.00", token)));

        Assert.All(clicks, c => Assert.Equal(HttpStatusCode.SeeOther, c.StatusCode));
        Assert.Single(clicks.Select(c => c.Headers.Location!.ToString()).Distinct());
        Assert.Single(await checkout.SessionsAtStripeAsync(invoice.Id));
        Assert.Single(await checkout.AttemptsAsync());

        var location = clicks[0].Headers.Location!;
        var paid = await Task.WhenAll(checkout.PayByCardAsync(location, PaysCard), checkout.PayByCardAsync(location, PaysCard));
        await Task.WhenAll(paid.Where(p => p.StatusCode == HttpStatusCode.Redirect).Select(p => checkout.Client.GetAsync(p.Headers.Location!)));
        var again = await checkout.PostPayAsync(invoice.Id, "100.00", token);

        Assert.Single(await checkout.PaymentsAsync());
        Assert.Equal(InvoiceStatus.Paid, (await checkout.Billing.ReloadAsync(invoice.Id))!.Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_pay_for_another_amount_expires_the_open_session_first(DatabaseProvider provider)
    {
        var checkout = await CheckoutScenario.CreateAsync(apps, provider, s => s with { AllowPartialPayments = true, MinimumPartialPayment = 100 });
        var invoice = await checkout.Billing.InvoiceAsync("INV-AMT-1", 10_000);

        var first = await checkout.PayAsync(invoice.Id, "40.00");
        var same = await checkout.PayAsync(invoice.Id, "40.00");
        var second = await checkout.PayAsync(invoice.Id, "60.00");

        Assert.Equal(first.Headers.Location, same.Headers.Location);
        Assert.NotEqual(first.Headers.Location, second.Headers.Location);
        var sessions = await checkout.SessionsAtStripeAsync(invoice.Id);
        Assert.Equal(new[] { (4_000L, "expired"), (6_000L, "open") }, sessions.Select(s => (s.AmountTotal ?? 0, s.Status)).OrderBy(s => s.Item1).ToArray());
        Assert.Equal(HttpStatusCode.Gone, (await checkout.PayByCardAsync(first.Headers.Location!, PaysCard)).StatusCode);
        Assert.Single(await checkout.AttemptsAsync(), a => a.Status == CheckoutAttemptStatus.Open);
    }

    [Theory, BothDatabases]
    public Task Stripe_answering_500_gives_a_clear_try_again_and_the_retry_charges_once(DatabaseProvider provider) => FaultThenRetryAsync(provider, 500);

    [Theory, BothDatabases]
    public Task Stripe_answering_429_gives_a_clear_try_again_and_the_retry_charges_once(DatabaseProvider provider) => FaultThenRetryAsync(provider, 429);

    private async Task FaultThenRetryAsync(DatabaseProvider provider, int status)
    {
        var checkout = await CheckoutScenario.CreateAsync(apps, provider);
        var invoice = await checkout.Billing.InvoiceAsync("INV-FAULT-1", 10_000);
        var token = await checkout.Client.AntiforgeryTokenAsync(CheckoutScenario.InvoicePage(invoice.Id));

        HttpResponseMessage failed;
        await apps.Emulator.Server.Control.FailNextAsync(10, status);
        try
        {
            failed = await checkout.PostPayAsync(invoice.Id, "100.00", token);
        }
        finally
        {
            await apps.Emulator.Server.Control.ClearFaultsAsync();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        var body = await failed.Content.ReadAsStringAsync();
        Assert.Equal("Payments are not answering right now; nothing was charged. Try again in a minute.", HtmlForms.Parse(body).QuerySelector("[data-testid=pay-problem]")!.TextContent.Trim());
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.Empty(await checkout.SessionsAtStripeAsync(invoice.Id));

        // One more failure is retried (by Stripe.net, or the portal's back-off for a 429) with the same Idempotency-Key: the client sees nothing of it.
        await apps.Emulator.Server.Control.FailNextAsync(1, status);
        var retried = await checkout.PostPayAsync(invoice.Id, "100.00", token);
        Assert.Equal(HttpStatusCode.SeeOther, retried.StatusCode);
        var again = await checkout.PostPayAsync(invoice.Id, "100.00", token);
        var paid = await checkout.PayByCardAsync(retried.Headers.Location!, PaysCard);
        await checkout.Client.GetAsync(paid.Headers.Location!);

        Assert.Equal(retried.Headers.Location, again.Headers.Location);
        Assert.Single(await checkout.SessionsAtStripeAsync(invoice.Id));
        Assert.Single(await checkout.PaymentsAsync());
        Assert.Equal(InvoiceStatus.Paid, (await checkout.Billing.ReloadAsync(invoice.Id))!.Status);
    }

    [Theory, BothDatabases]
    public async Task Another_client_s_or_practice_s_session_on_the_success_page_is_not_found(DatabaseProvider provider)
    {
        var checkout = await CheckoutScenario.CreateAsync(apps, provider);
        var invoice = await checkout.Billing.InvoiceAsync("INV-OWN-1", 10_000);
        var otherInvoice = await checkout.Billing.InvoiceAsync("INV-OWN-2", 10_000, checkout.Billing.OtherClientId);
        var pay = await checkout.PayAsync(invoice.Id);
        var sessionId = CheckoutScenario.SessionIdOf(pay.Headers.Location!);
        var attempt = Assert.Single(await checkout.AttemptsAsync());
        var otherClient = await checkout.Billing.App.SignedInClientAsync(checkout.Billing.Practice, checkout.Billing.OtherClientUser);
        var elsewhere = await CheckoutScenario.CreateAsync(apps, provider);
        var elsewhereInvoice = await elsewhere.Billing.InvoiceAsync("INV-OWN-1", 10_000);

        var own = await checkout.Client.GetAsync($"billing/invoices/{invoice.Id}/paid?session_id={sessionId}");
        var answers = new[]
        {
            await otherClient.GetAsync($"billing/invoices/{invoice.Id}/paid?session_id={sessionId}"),
            await otherClient.GetAsync($"billing/invoices/{otherInvoice.Id}/paid?session_id={sessionId}"),
            await otherClient.GetAsync($"billing/invoices/{invoice.Id}/pay-cancelled?attempt={attempt.Id}"),
            await elsewhere.Client.GetAsync($"billing/invoices/{elsewhereInvoice.Id}/paid?session_id={sessionId}"),
            await checkout.Client.GetAsync($"billing/invoices/{invoice.Id}/paid?session_id=cs_test_made_up"),
            await checkout.Client.GetAsync($"billing/invoices/{invoice.Id}/paid"),
        };

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NotFound, a.StatusCode));
        Assert.Equal("open", Assert.Single(await checkout.SessionsAtStripeAsync(invoice.Id)).Status);
    }

    [Theory, BothDatabases]
    public async Task A_receipt_is_queued_once_per_payment_however_often_the_event_comes(DatabaseProvider provider)
    {
        var checkout = await CheckoutScenario.CreateAsync(apps, provider);
        var invoice = await checkout.Billing.InvoiceAsync("INV-RCPT-1", 10_000);
        await checkout.PayEndToEndAsync(invoice.Id);
        var payment = Assert.Single(await checkout.PaymentsAsync());
        await MailMessageReader.WaitForAsync(checkout.Billing.App.PickupDirectory, checkout.Billing.ClientUser.Email!);

        await checkout.Billing.InPracticeAsync(async sp =>
        {
            await sp.GetRequiredService<PaymentReceipts>().SendAsync(payment.Id);
            await sp.GetRequiredService<PaymentReceipts>().SendAsync(payment.Id);
            return 0;
        });

        var receipts = await checkout.Billing.InPracticeAsync(sp => sp.GetRequiredService<CoreTenantDbContext>().OutboxMessages
            .Where(m => m.Template == ReceiptMailTemplate.Name).Select(m => m.Id).ToListAsync());
        Assert.Equal([PaymentReceipts.MessageIdOf(payment.Id)], receipts);
    }

    /// <summary>The message shown at the Pay form's amount.</summary>
    private static string? FieldError(string html)
        => HtmlForms.Parse(html).QuerySelector("[data-valmsg-for='Pay.Amount']")?.TextContent.Trim();
}
