using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Billing.Data;
using Portal.Billing.Models;
using Portal.Billing.Services;
using Portal.Core.Data;
using Portal.Core.Events;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Billing;

public sealed class PaymentTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static readonly DateOnly Received = new(2026, 11, 20);

    [Theory, BothDatabases]
    public async Task A_payment_pays_the_oldest_open_invoice_first_and_statuses_follow(DatabaseProvider provider)
    {
        var scenario = await BillingScenario.CreateAsync(await apps.For(provider));
        var newer = await scenario.InvoiceAsync("INV-2", 30_000, due: new DateOnly(2026, 12, 15));
        var older = await scenario.InvoiceAsync("INV-1", 20_000, due: new DateOnly(2026, 12, 1));

        var first = await RecordAsync(scenario, 25_000);
        Assert.True(first.Succeeded, string.Join(" ", first.Errors.Select(e => e.Message)));
        Assert.Equal((InvoiceStatus.Paid, 20_000L), Status(await scenario.ReloadAsync(older.Id)));
        Assert.Equal((InvoiceStatus.PartlyPaid, 5_000L), Status(await scenario.ReloadAsync(newer.Id)));

        var second = await RecordAsync(scenario, 25_000);
        Assert.True(second.Succeeded);
        Assert.Equal((InvoiceStatus.Paid, 30_000L), Status(await scenario.ReloadAsync(newer.Id)));

        var events = await scenario.InPracticeAsync(sp => sp.GetRequiredService<CoreTenantDbContext>().Set<DomainEventRecord>().CountAsync(e => e.Type == PaymentRecorded.EventType));
        Assert.Equal(2, events);
        var audited = await scenario.InPracticeAsync(sp => sp.GetRequiredService<Portal.Audit.Data.AuditDbContext>().Events.CountAsync(e => e.Action == BillingAuditActions.PaymentRecorded));
        Assert.Equal(2, audited);
    }

    [Theory, BothDatabases]
    public async Task Allocations_never_exceed_a_balance_and_leave_nothing_unallocated(DatabaseProvider provider)
    {
        var scenario = await BillingScenario.CreateAsync(await apps.For(provider));
        var a = await scenario.InvoiceAsync("INV-1", 10_000);
        var b = await scenario.InvoiceAsync("INV-2", 10_000);
        var otherClients = await scenario.InvoiceAsync("INV-3", 10_000, clientId: scenario.OtherClientId);

        var over = await RecordAsync(scenario, 15_000, [new(a.Id, 15_000)]);
        Assert.Equal(["Allocations[0].Amount"], over.Errors.Select(e => e.Field));

        var remainder = await RecordAsync(scenario, 15_000, [new(a.Id, 10_000)]);
        Assert.Equal(["Amount"], remainder.Errors.Select(e => e.Field));
        Assert.Contains("50.00 CAD", remainder.Errors[0].Message, StringComparison.Ordinal);

        var tooMuch = await RecordAsync(scenario, 25_000);
        Assert.Equal(["Amount"], tooMuch.Errors.Select(e => e.Field));

        var notTheirs = await RecordAsync(scenario, 5_000, [new(otherClients.Id, 5_000)]);
        Assert.Equal(["Allocations[0].Amount"], notTheirs.Errors.Select(e => e.Field));

        var split = await RecordAsync(scenario, 15_000, [new(b.Id, 10_000), new(a.Id, 5_000)]);
        Assert.True(split.Succeeded);
        Assert.Equal((InvoiceStatus.PartlyPaid, 5_000L), Status(await scenario.ReloadAsync(a.Id)));
        Assert.Equal((InvoiceStatus.Paid, 10_000L), Status(await scenario.ReloadAsync(b.Id)));

        Assert.Equal(["Amount"], (await RecordAsync(scenario, 0)).Errors.Select(e => e.Field));
        Assert.Equal(["Amount"], (await RecordAsync(scenario, -100)).Errors.Select(e => e.Field));
        Assert.Equal(["Currency"], (await scenario.InPracticeAsync(sp => sp.GetRequiredService<PaymentLedger>().RecordOfflineAsync(
            new OfflinePaymentDraft(scenario.ClientId, PaymentMethod.Cash, Received, null, 100, "USD", null)))).Errors.Select(e => e.Field));

        var payments = await scenario.InPracticeAsync(sp => sp.GetRequiredService<BillingDbContext>().Payments.CountAsync());
        Assert.Equal(1, payments);
    }

    [Theory, BothDatabases]
    public async Task The_payment_form_refuses_an_over_allocation_at_the_field(DatabaseProvider provider)
    {
        var scenario = await BillingScenario.CreateAsync(await apps.For(provider));
        var invoice = await scenario.InvoiceAsync("INV-1", 10_000);
        var staff = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Admin);
        var page = $"admin/billing/payments/new?clientId={scenario.ClientId}";

        var response = await staff.SubmitFormAsync(page, new()
        {
            ["Input.Method"] = "Cheque",
            ["Input.ReceivedOn"] = "2026-11-20",
            ["Input.Amount"] = "150.00",
            ["Input.Allocations[0].Amount"] = "150.00",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var document = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("more than the invoice's balance (100.00 CAD)", document.QuerySelector("[data-valmsg-for='Input.Allocations[0].Amount']")!.TextContent, StringComparison.Ordinal);

        response = await staff.SubmitFormAsync(page, new() { ["Input.Method"] = "Cheque", ["Input.ReceivedOn"] = "2026-11-20", ["Input.Amount"] = "60.125" });
        document = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("at most two decimals", document.QuerySelector("[data-valmsg-for='Input.Amount']")!.TextContent, StringComparison.Ordinal);

        response = await staff.SubmitFormAsync(page, new() { ["Input.Method"] = "ETransfer", ["Input.ReceivedOn"] = "2026-11-20", ["Input.Amount"] = "60.00", ["Input.Reference"] = "CA1234" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal((InvoiceStatus.PartlyPaid, 6_000L), Status(await scenario.ReloadAsync(invoice.Id)));
    }

    [Theory, BothDatabases]
    public async Task An_online_payment_is_recorded_once_however_often_it_is_reported(DatabaseProvider provider)
    {
        var scenario = await BillingScenario.CreateAsync(await apps.For(provider));
        var invoice = await scenario.InvoiceAsync("INV-1", 10_000);
        var draft = new OnlinePaymentDraft("cs_test_123", invoice.Id, 10_240, 240, "CAD", PaymentStatus.Succeeded, Received) { PaymentIntentId = "pi_123" };

        var first = await scenario.InPracticeAsync(sp => sp.GetRequiredService<PaymentLedger>().RecordOnlineAsync(draft));
        var again = await scenario.InPracticeAsync(sp => sp.GetRequiredService<PaymentLedger>().RecordOnlineAsync(draft));
        var racing = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => scenario.InPracticeAsync(sp => sp.GetRequiredService<PaymentLedger>().RecordOnlineAsync(draft))));

        Assert.True(first.Value!.Created);
        Assert.False(again.Value!.Created);
        Assert.All(racing, r => Assert.False(r.Value!.Created));
        Assert.All(racing, r => Assert.Equal(first.Value.Payment.Id, r.Value!.Payment.Id));
        Assert.Equal((InvoiceStatus.Paid, 10_000L), Status(await scenario.ReloadAsync(invoice.Id)));
        var (rows, allocated, fee) = await scenario.InPracticeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BillingDbContext>();
            return (await db.Payments.CountAsync(), await db.Allocations.SumAsync(a => a.Amount), (await db.Payments.SingleAsync()).FeeAmount);
        });
        Assert.Equal((1, 10_000L, 240L), (rows, allocated, fee));
    }

    [Theory, BothDatabases]
    public async Task Racing_first_reports_of_one_online_payment_record_it_once(DatabaseProvider provider)
    {
        var scenario = await BillingScenario.CreateAsync(await apps.For(provider));
        var invoice = await scenario.InvoiceAsync("INV-1", 10_000);
        var draft = new OnlinePaymentDraft("cs_test_race", invoice.Id, 10_000, 0, "CAD", PaymentStatus.Succeeded, Received);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => scenario.InPracticeAsync(sp => sp.GetRequiredService<PaymentLedger>().RecordOnlineAsync(draft))));

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Single(results, r => r.Value!.Created);
        Assert.Equal((InvoiceStatus.Paid, 10_000L), Status(await scenario.ReloadAsync(invoice.Id)));
        Assert.Equal(1, await scenario.InPracticeAsync(sp => sp.GetRequiredService<BillingDbContext>().Payments.CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task A_delayed_online_payment_counts_once_it_succeeds(DatabaseProvider provider)
    {
        var scenario = await BillingScenario.CreateAsync(await apps.For(provider));
        var invoice = await scenario.InvoiceAsync("INV-1", 10_000);
        await scenario.InPracticeAsync(sp => sp.GetRequiredService<PaymentLedger>().RecordOnlineAsync(
            new OnlinePaymentDraft("cs_pad", invoice.Id, 4_000, 0, "CAD", PaymentStatus.Processing, Received)));
        Assert.Equal((InvoiceStatus.Open, 0L), Status(await scenario.ReloadAsync(invoice.Id)));

        await scenario.InPracticeAsync(sp => sp.GetRequiredService<PaymentLedger>().SetOnlineStatusAsync("cs_pad", PaymentStatus.Succeeded));
        await scenario.InPracticeAsync(sp => sp.GetRequiredService<PaymentLedger>().SetOnlineStatusAsync("cs_pad", PaymentStatus.Succeeded));
        await scenario.InPracticeAsync(sp => sp.GetRequiredService<PaymentLedger>().SetOnlineStatusAsync("cs_pad", PaymentStatus.Processing));
        Assert.Equal((InvoiceStatus.PartlyPaid, 4_000L), Status(await scenario.ReloadAsync(invoice.Id)));

        await scenario.InPracticeAsync(sp => sp.GetRequiredService<PaymentLedger>().RecordOnlineAsync(
            new OnlinePaymentDraft("cs_failed", invoice.Id, 6_000, 0, "CAD", PaymentStatus.Processing, Received)));
        await scenario.InPracticeAsync(sp => sp.GetRequiredService<PaymentLedger>().SetOnlineStatusAsync("cs_failed", PaymentStatus.Failed));
        Assert.Equal((InvoiceStatus.PartlyPaid, 4_000L), Status(await scenario.ReloadAsync(invoice.Id)));
    }

    [Theory, BothDatabases]
    public async Task An_online_payment_over_the_balance_keeps_the_excess_unallocated(DatabaseProvider provider)
    {
        var scenario = await BillingScenario.CreateAsync(await apps.For(provider));
        var invoice = await scenario.InvoiceAsync("INV-1", 10_000);
        await RecordAsync(scenario, 7_000);
        var online = await scenario.InPracticeAsync(sp => sp.GetRequiredService<PaymentLedger>().RecordOnlineAsync(
            new OnlinePaymentDraft("cs_late", invoice.Id, 10_000, 0, "CAD", PaymentStatus.Succeeded, Received)));
        Assert.Equal(7_000, online.Value!.Payment.UnallocatedAmount);
        Assert.Equal((InvoiceStatus.Paid, 10_000L), Status(await scenario.ReloadAsync(invoice.Id)));
    }

    [Theory, BothDatabases]
    public async Task A_client_may_pay_part_only_when_the_practice_allows_it_and_above_the_minimum(DatabaseProvider provider)
    {
        var scenario = await BillingScenario.CreateAsync(await apps.For(provider));
        var invoice = await scenario.InvoiceAsync("INV-1", 10_000);
        var settings = new PaymentSettings();
        Assert.Null(PaymentLedger.CheckClientAmount(invoice, 10_000, settings));
        Assert.Equal(BillingErrors.PartialPaymentsOff, PaymentLedger.CheckClientAmount(invoice, 5_000, settings));
        var partial = settings with { AllowPartialPayments = true, MinimumPartialPayment = 2_500 };
        Assert.Null(PaymentLedger.CheckClientAmount(invoice, 2_500, partial));
        Assert.Equal("payment-below-minimum", PaymentLedger.CheckClientAmount(invoice, 2_499, partial)!.Code);
        Assert.Equal(BillingErrors.PaymentOverBalance, PaymentLedger.CheckClientAmount(invoice, 10_001, partial));
        Assert.Equal("amount-not-positive", PaymentLedger.CheckClientAmount(invoice, 0, partial)!.Code);
        await scenario.InPracticeAsync(sp => sp.GetRequiredService<InvoiceBook>().VoidAsync(invoice.Id, "Mistake"));
        Assert.Equal(BillingErrors.PaymentInvoiceNotOpen, PaymentLedger.CheckClientAmount((await scenario.ReloadAsync(invoice.Id))!, 10_000, partial));
    }

    private static (InvoiceStatus, long) Status(Invoice? invoice) => (invoice!.Status, invoice.PaidAmount);

    private static Task<BillingResult<Payment>> RecordAsync(BillingScenario scenario, long amount, IReadOnlyList<AllocationDraft>? allocations = null)
        => scenario.InPracticeAsync(sp => sp.GetRequiredService<PaymentLedger>().RecordOfflineAsync(
            new OfflinePaymentDraft(scenario.ClientId, PaymentMethod.Cheque, Received, "1001", amount, null, allocations)));
}
