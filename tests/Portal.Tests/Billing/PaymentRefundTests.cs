using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Billing.Data;
using Portal.Billing.Models;
using Portal.Billing.Payments;
using Portal.Billing.Payments.Webhooks;
using Portal.Billing.Services;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;
using Portal.Tests.StripeEmulator;
using Stripe;
using Invoice = Portal.Billing.Models.Invoice;
using PaymentMethod = Portal.Billing.Models.PaymentMethod;

namespace Portal.Tests.Billing;

/// <summary>Refunds from the payment's page and from Stripe's dashboard (charge.refunded), against the Stripe emulator.</summary>
public sealed class PaymentRefundTests(StripeConnectApps apps) : IClassFixture<StripeConnectApps>
{
    private const long InvoiceAmount = 10_000;
    private const long Fee = 320;

    [Theory, BothDatabases]
    public async Task A_full_refund_from_the_payment_page_is_made_at_stripe_and_reopens_the_invoice(DatabaseProvider provider)
    {
        var (scenario, admin, account, invoice, payment) = await PaidAsync(provider, "INV-RF-1");

        var page = await admin.GetDocumentAsync(DetailsPath(payment));
        var response = await RefundAsync(admin, payment, new() { ["Input.Reason"] = nameof(RefundReason.RequestedByCustomer), ["Input.Note"] = "Client asked" });

        Assert.Equal("103.20", page.QuerySelector<IHtmlInputElement>("input[name='Input.Amount']")!.Value);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var refund = Assert.Single(await RefundsAsync(scenario));
        Assert.Equal((InvoiceAmount + Fee, RefundStatus.Succeeded, RefundReason.RequestedByCustomer, "Client asked", InvoiceAmount, scenario.Admin.Id),
            (refund.Amount, refund.Status, refund.Reason, refund.Note, refund.InvoiceAmount, refund.CreatedBy));
        var atStripe = await new RefundService(apps.Emulator.Stripe()).GetAsync(refund.StripeRefundId, null, StripeObjects.On(account));
        Assert.Equal((InvoiceAmount + Fee, "requested_by_customer", payment.PaymentIntentId), (atStripe.Amount, atStripe.Reason, atStripe.PaymentIntentId));
        Assert.Equal(scenario.Practice.Id.ToString(), atStripe.Metadata[StripeMetadataKeys.Practice]);
        Assert.Equal(refund.Id.ToString(), atStripe.Metadata[StripeMetadataKeys.Refund]);
        var reloaded = await scenario.ReloadAsync(invoice.Id);
        Assert.Equal((0L, InvoiceStatus.Open), (reloaded!.PaidAmount, reloaded.Status));
        var paymentNow = await PaymentAsync(scenario, payment.Id);
        Assert.Equal((PaymentStatus.Refunded, InvoiceAmount + Fee), (paymentNow.Status, paymentNow.RefundedAmount));
        Assert.Equal(1, await scenario.InPracticeAsync(sp => sp.GetRequiredService<Portal.Audit.Data.AuditDbContext>().Events
            .Where(e => e.Action == BillingAuditActions.PaymentRefunded && e.TargetId == payment.Id.ToString()).CountAsync()));
        var after = await admin.GetDocumentAsync(DetailsPath(payment));
        Assert.Equal("Refunded", after.QuerySelector("[data-testid=payment-status]")!.TextContent.Trim());
        Assert.Null(after.QuerySelector("[data-testid=refund-form]"));
        Assert.Single(after.QuerySelectorAll("[data-testid=refunds] tbody tr"));
    }

    [Theory, BothDatabases]
    public async Task Partial_refunds_come_off_the_invoice_first_and_the_fee_last_and_the_client_sees_them(DatabaseProvider provider)
    {
        var (scenario, admin, _, invoice, payment) = await PaidAsync(provider, "INV-RF-2");

        var first = await RefundAsync(admin, payment, new() { ["Input.Amount"] = "50.00", ["Input.Reason"] = nameof(RefundReason.Duplicate) });
        var afterFirst = await scenario.ReloadAsync(invoice.Id);
        var second = await RefundAsync(admin, payment, new() { ["Input.Amount"] = "51", ["Input.Reason"] = nameof(RefundReason.RequestedByCustomer) });

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal((5_000L, InvoiceStatus.PartlyPaid), (afterFirst!.PaidAmount, afterFirst.Status));
        var reloaded = await scenario.ReloadAsync(invoice.Id);
        Assert.Equal((0L, InvoiceStatus.Open), (reloaded!.PaidAmount, reloaded.Status));
        Assert.Equal([5_000L, 5_000L], (await RefundsAsync(scenario)).Select(r => r.InvoiceAmount));
        var paymentNow = await PaymentAsync(scenario, payment.Id);
        Assert.Equal((PaymentStatus.PartlyRefunded, 10_100L), (paymentNow.Status, paymentNow.RefundedAmount));
        Assert.Equal("2.20", (await admin.GetDocumentAsync(DetailsPath(payment))).QuerySelector<IHtmlInputElement>("input[name='Input.Amount']")!.Value);

        var client = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.ClientUser);
        var invoicePage = await client.GetDocumentAsync($"billing/invoices/{invoice.Id}");
        var list = await client.GetDocumentAsync("billing");
        Assert.Equal(2, invoicePage.QuerySelectorAll("[data-testid=refunds] tbody tr").Length);
        Assert.Contains("Duplicate payment", invoicePage.QuerySelector("[data-testid=refunds]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("101.00 CAD refunded", list.QuerySelector("[data-testid=payment-refunded]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Bad_amounts_and_a_missing_reason_are_refused_at_their_field_and_nothing_is_refunded(DatabaseProvider provider)
    {
        var (scenario, admin, account, _, payment) = await PaidAsync(provider, "INV-RF-3");
        var cases = new (string Amount, string Reason, string Field)[]
        {
            ("0", nameof(RefundReason.Duplicate), "Input.Amount"),
            ("-5.00", nameof(RefundReason.Duplicate), "Input.Amount"),
            ("1.005", nameof(RefundReason.Duplicate), "Input.Amount"),
            ("103.21", nameof(RefundReason.Duplicate), "Input.Amount"),
            ("ten", nameof(RefundReason.Duplicate), "Input.Amount"),
            ("10.00", "", "Input.Reason"),
            ("10.00", "Because", "Input.Reason"),
        };

        foreach (var (amount, reason, field) in cases)
        {
            var response = await RefundAsync(admin, payment, new() { ["Input.Amount"] = amount, ["Input.Reason"] = reason });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
            var message = page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim();
            Assert.False(string.IsNullOrEmpty(message), $"{amount}/{reason}: no message at {field}");
        }

        Assert.Empty(await RefundsAsync(scenario));
        Assert.Empty((await new RefundService(apps.Emulator.Stripe()).ListAsync(new RefundListOptions { PaymentIntent = payment.PaymentIntentId }, StripeObjects.On(account))).Data);
        Assert.Equal(PaymentStatus.Succeeded, (await PaymentAsync(scenario, payment.Id)).Status);
    }

    [Theory, BothDatabases]
    public async Task An_offline_payment_has_no_refund_form_and_a_post_is_refused(DatabaseProvider provider)
    {
        var scenario = await BillingScenario.CreateAsync(await apps.For(provider));
        var admin = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Admin);
        await scenario.InvoiceAsync("INV-RF-4");
        var recorded = await scenario.InPracticeAsync(sp => sp.GetRequiredService<PaymentLedger>()
            .RecordOfflineAsync(new OfflinePaymentDraft(scenario.ClientId, PaymentMethod.Cheque, new DateOnly(2026, 11, 20), "CHQ 12", 4_000, "CAD", [])));
        var payment = recorded.Value!;
        var page = await admin.GetDocumentAsync(DetailsPath(payment));
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
            ?? await admin.AntiforgeryTokenAsync("admin/billing/payments");

        var response = await admin.PostAsync(DetailsPath(payment), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Attempt"] = Guid.NewGuid().ToString(),
            ["Input.Amount"] = "10.00",
            ["Input.Reason"] = nameof(RefundReason.Duplicate),
        }));

        Assert.Null(page.QuerySelector("[data-testid=refund-form]"));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var answer = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(RefundErrors.NotOnline.Message, answer.QuerySelector("[data-testid=refund-problem]")!.TextContent.Trim());
        Assert.Empty(await RefundsAsync(scenario));
    }

    [Theory, BothDatabases]
    public async Task Staff_below_the_full_payment_level_see_the_payment_but_cannot_refund_it(DatabaseProvider provider)
    {
        var (scenario, admin, account, _, payment) = await PaidAsync(provider, "INV-RF-5");
        await scenario.InPracticeAsync(sp => sp.GetRequiredService<PaymentLevels>().SetAsync(scenario.Staff.Id, PaymentLevel.Take));
        var staff = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Staff);
        var adminPage = await admin.GetDocumentAsync(DetailsPath(payment));
        var form = adminPage.QuerySelector<IHtmlFormElement>("[data-testid=refund-form]")!;

        var page = await staff.GetAsync(DetailsPath(payment));
        var token = await staff.AntiforgeryTokenAsync("admin/billing/payments/new");
        var post = await staff.PostAsync(DetailsPath(payment), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Attempt"] = form.QuerySelector<IHtmlInputElement>("input[name='Input.Attempt']")!.Value,
            ["Input.Amount"] = "10.00",
            ["Input.Reason"] = nameof(RefundReason.Duplicate),
        }));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Null(HtmlForms.Parse(await page.Content.ReadAsStringAsync()).QuerySelector("[data-testid=refund-form]"));
        Assert.True(post.StatusCode == HttpStatusCode.Forbidden || (post.StatusCode == HttpStatusCode.Redirect && post.Headers.Location!.ToString().Contains("access-denied", StringComparison.Ordinal)),
            $"a refund by staff at the Take level answered {post.StatusCode} {post.Headers.Location}");
        Assert.Empty(await RefundsAsync(scenario));
        Assert.Empty((await new RefundService(apps.Emulator.Stripe()).ListAsync(new RefundListOptions { PaymentIntent = payment.PaymentIntentId }, StripeObjects.On(account))).Data);
    }

    [Theory, BothDatabases]
    public async Task Stripe_failing_says_try_again_and_the_same_form_then_refunds_once(DatabaseProvider provider)
    {
        var (scenario, admin, account, invoice, payment) = await PaidAsync(provider, "INV-RF-6");
        var form = (await admin.GetDocumentAsync(DetailsPath(payment))).QuerySelector<IHtmlFormElement>("[data-testid=refund-form]")!;
        var values = new Dictionary<string, string> { ["Input.Amount"] = "40.00", ["Input.Reason"] = nameof(RefundReason.RequestedByCustomer) };

        await apps.Emulator.Server.Control.FailNextAsync(10, 500);
        HttpResponseMessage failed;
        try
        {
            failed = await admin.PostFormAsync(form, values, DetailsPath(payment));
        }
        finally
        {
            await apps.Emulator.Server.Control.ClearFaultsAsync();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        var page = HtmlForms.Parse(await failed.Content.ReadAsStringAsync());
        Assert.Equal(ConnectErrors.StripeDidNotAnswer.Message, page.QuerySelector("[data-testid=refund-problem]")!.TextContent.Trim());
        Assert.Empty(await RefundsAsync(scenario));
        Assert.Equal(InvoiceAmount, (await scenario.ReloadAsync(invoice.Id))!.PaidAmount);

        // The person submits the same form again (twice): one refund at Stripe, one in the books.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(form, values, DetailsPath(payment))).StatusCode);
        var again = await admin.PostFormAsync(form, values, DetailsPath(payment));

        Assert.True(again.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.UnprocessableEntity, $"a repeated submit answered {again.StatusCode}");
        Assert.Single((await new RefundService(apps.Emulator.Stripe()).ListAsync(new RefundListOptions { PaymentIntent = payment.PaymentIntentId }, StripeObjects.On(account))).Data);
        var refund = Assert.Single(await RefundsAsync(scenario));
        Assert.Equal(4_000, refund.Amount);
        Assert.Equal(InvoiceAmount - 4_000, (await scenario.ReloadAsync(invoice.Id))!.PaidAmount);
    }

    [Theory, BothDatabases]
    public async Task A_refund_made_in_stripe_s_dashboard_is_recorded_once_from_charge_refunded(DatabaseProvider provider)
    {
        var (scenario, admin, account, invoice, payment) = await PaidAsync(provider, "INV-RF-7");
        await RefundAsync(admin, payment, new() { ["Input.Amount"] = "30.00", ["Input.Reason"] = nameof(RefundReason.Duplicate) });
        var dashboard = await new RefundService(apps.Emulator.Stripe()).CreateAsync(
            new RefundCreateOptions { PaymentIntent = payment.PaymentIntentId, Amount = 2_000, Reason = "fraudulent" }, StripeObjects.On(account, Guid.NewGuid().ToString()));
        var stripeEvent = (await new EventService(apps.Emulator.Stripe()).ListAsync(new EventListOptions { Type = EventTypes.ChargeRefunded, Limit = 1 }, StripeObjects.On(account))).Data.Single();

        var handlers = await scenario.InPracticeAsync(sp => Task.FromResult(sp.GetServices<IStripeEventHandler>().Where(h => h.Handles(EventTypes.ChargeRefunded)).ToList()));
        await scenario.InPracticeAsync(sp => HandleAsync(sp, stripeEvent));
        await scenario.InPracticeAsync(sp => HandleAsync(sp, stripeEvent));
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => scenario.InPracticeAsync(sp => HandleAsync(sp, stripeEvent))));

        Assert.Single(handlers);
        Assert.Equal(account, stripeEvent.Account);
        var refunds = await RefundsAsync(scenario);
        Assert.Equal(2, refunds.Count);
        var fromDashboard = Assert.Single(refunds, r => r.StripeRefundId == dashboard.Id);
        Assert.Equal((2_000L, RefundReason.Fraudulent, (Guid?)null, 2_000L), (fromDashboard.Amount, fromDashboard.Reason, fromDashboard.CreatedBy, fromDashboard.InvoiceAmount));
        Assert.Equal(InvoiceAmount - 5_000, (await scenario.ReloadAsync(invoice.Id))!.PaidAmount);
        var paymentNow = await PaymentAsync(scenario, payment.Id);
        Assert.Equal((PaymentStatus.PartlyRefunded, 5_000L), (paymentNow.Status, paymentNow.RefundedAmount));
    }

    [Theory, BothDatabases]
    public async Task Charge_refunded_arriving_before_the_form_s_answer_is_recorded_keeps_one_row_under_the_portal_s_id(DatabaseProvider provider)
    {
        var (scenario, _, account, invoice, payment) = await PaidAsync(provider, "INV-RF-8");
        var attempt = Guid.NewGuid();
        var made = await new RefundService(apps.Emulator.Stripe()).CreateAsync(
            new RefundCreateOptions
            {
                PaymentIntent = payment.PaymentIntentId,
                Amount = 1_000,
                Reason = "duplicate",
                Metadata = new Dictionary<string, string> { [StripeMetadataKeys.Refund] = attempt.ToString() },
            },
            StripeGateway.Post(StripeIdempotencyKeys.Refund(attempt), account));
        var stripeEvent = (await new EventService(apps.Emulator.Stripe()).ListAsync(new EventListOptions { Type = EventTypes.ChargeRefunded, Limit = 1 }, StripeObjects.On(account))).Data.Single();

        await scenario.InPracticeAsync(sp => HandleAsync(sp, stripeEvent));
        var fromForm = await scenario.InPracticeAsync(sp => sp.GetRequiredService<RefundBook>().RecordAsync(
            new RefundRecording(attempt, payment.Id, made.Id, made.Amount, "cad", RefundReason.Duplicate, null, RefundStatus.Succeeded, scenario.Admin.Id)));

        Assert.False(fromForm.Created);
        var refund = Assert.Single(await RefundsAsync(scenario));
        Assert.Equal((attempt, 1_000L), (refund.Id, refund.InvoiceAmount));
        Assert.Equal(InvoiceAmount - 1_000, (await scenario.ReloadAsync(invoice.Id))!.PaidAmount);
    }

    private static async Task<bool> HandleAsync(IServiceProvider services, Event stripeEvent)
    {
        foreach (var handler in services.GetServices<IStripeEventHandler>().Where(h => h.Handles(stripeEvent.Type)))
        {
            await handler.HandleAsync(stripeEvent, CancellationToken.None);
        }

        return true;
    }

    private async Task<(BillingScenario Scenario, HttpClient Admin, string Account, Invoice Invoice, Payment Payment)> PaidAsync(DatabaseProvider provider, string number)
    {
        var scenario = await BillingScenario.CreateAsync(await apps.For(provider));
        var admin = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Admin);
        var account = await OnlinePayments.ConnectAsync(scenario, admin);
        var invoice = await scenario.InvoiceAsync(number, InvoiceAmount);
        var payment = await OnlinePayments.PayAsync(apps, scenario, account, invoice, Fee);
        Assert.Equal((PaymentStatus.Succeeded, InvoiceAmount + Fee, Fee), (payment.Status, payment.Amount, payment.FeeAmount));
        Assert.Equal(InvoiceStatus.Paid, (await scenario.ReloadAsync(invoice.Id))!.Status);
        return (scenario, admin, account, invoice, payment);
    }

    private static string DetailsPath(Payment payment) => $"admin/billing/payments/{payment.Id}";

    private static Task<HttpResponseMessage> RefundAsync(HttpClient admin, Payment payment, Dictionary<string, string> values)
        => admin.SubmitFormAsync(DetailsPath(payment), values, "[data-testid=refund-form]");

    private static Task<List<Portal.Billing.Models.Refund>> RefundsAsync(BillingScenario scenario)
        => scenario.InPracticeAsync(sp => sp.GetRequiredService<BillingDbContext>().Refunds.AsNoTracking().OrderBy(r => r.CreatedAt).ThenBy(r => r.StripeRefundId).ToListAsync());

    private static async Task<Payment> PaymentAsync(BillingScenario scenario, Guid id)
        => (await scenario.InPracticeAsync(sp => sp.GetRequiredService<PaymentLedger>().FindAsync(id)))!;
}
