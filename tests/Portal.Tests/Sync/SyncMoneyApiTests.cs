using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit.Data;
using Portal.Billing.Data;
using Portal.Billing.Models;
using Portal.Billing.Services;
using Portal.Core.Data;
using Portal.Sync.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Sync;

/// <summary>The sync API's invoices and payments batches against a real practice, through Billing's own services.</summary>
public sealed class SyncMoneyApiTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static object Invoice(string externalId, string client = "C-1", string amount = "450.00", string tax = "58.50", string number = "INV-100", string dueDate = "2026-12-02")
        => new
        {
            externalId,
            clientExternalId = client,
            number,
            issueDate = "2026-11-02",
            dueDate,
            currency = "CAD",
            lines = new[] { new { description = "2025 personal tax return", amount } },
            taxes = new[] { new { kind = "HST", amount = tax } },
        };

    private static object Payment(string externalId, string amount, string? invoice = "I-100", string client = "C-1", string method = "cheque")
        => new { externalId, clientExternalId = client, invoiceExternalId = invoice, receivedOn = "2026-11-20", amount, method, reference = "Cheque 1043" };

    [Theory, BothDatabases]
    public async Task An_invoices_batch_applies_good_rows_reports_bad_ones_at_their_field_and_changes_nothing_the_second_time(DatabaseProvider provider)
    {
        var sync = await SyncTestPractice.ConnectAsync(await apps.For(provider));
        await sync.AddClientAsync("C-1", "Jordan Lee");
        object[] items =
        [
            Invoice("I-100"),
            Invoice("I-101", amount: "12,5x", number: "INV-101"),
            Invoice("I-102", amount: "-5.00", number: "INV-102"),
            Invoice("I-103", tax: "1.005", number: "INV-103"),
            Invoice("I-104", client: "C-404", number: "INV-104"),
            Invoice("I-100", amount: "999.00"),
            Invoice("I-105", number: "INV-105"),
        ];

        var first = await sync.BatchAsync("invoices", items);
        Assert.Equal("created", SyncTestPractice.Status(first, 0));
        Assert.Equal("lines[0].amount amount-invalid", SyncTestPractice.Error(first, 1));
        Assert.Equal("lines[0].amount amount-negative", SyncTestPractice.Error(first, 2));
        Assert.Equal("taxes[0].amount amount-too-precise", SyncTestPractice.Error(first, 3));
        Assert.Equal("clientExternalId client-not-found", SyncTestPractice.Error(first, 4));
        Assert.Equal("externalId duplicate-external-id", SyncTestPractice.Error(first, 5));
        Assert.Equal("created", SyncTestPractice.Status(first, 6));
        Assert.Equal((2, 5), (first.GetProperty("created").GetInt32(), first.GetProperty("failed").GetInt32()));

        var stored = await InvoicesAsync(sync);
        Assert.Equal(["INV-100 50850 Open", "INV-105 50850 Open"], stored.Select(i => $"{i.Number} {i.TotalAmount} {i.Status}"));
        var lineIds = await LineIdsAsync(sync);

        var second = await sync.BatchAsync("invoices", items);
        Assert.Equal("unchanged", SyncTestPractice.Status(second, 0));
        Assert.Equal("unchanged", SyncTestPractice.Status(second, 6));
        Assert.Equal((0, 0, 2, 5), (second.GetProperty("created").GetInt32(), second.GetProperty("updated").GetInt32(), second.GetProperty("unchanged").GetInt32(), second.GetProperty("failed").GetInt32()));

        // Nothing was written: the lines are the rows the first batch made.
        Assert.Equal(lineIds, await LineIdsAsync(sync));

        var changed = await sync.BatchAsync("invoices", Invoice("I-100", amount: "500.00"));
        Assert.Equal("updated", SyncTestPractice.Status(changed, 0));
        Assert.Equal(55850, (await InvoicesAsync(sync)).Single(i => i.Number == "INV-100").TotalAmount);
    }

    [Theory, BothDatabases]
    public async Task New_invoices_nothing_else_in_the_batch_touches_are_made_together_each_checked_as_one_by_one_would(DatabaseProvider provider)
    {
        var sync = await SyncTestPractice.ConnectAsync(await apps.For(provider));
        await sync.AddClientAsync("C-1", "Jordan Lee");
        Assert.Equal("created", SyncTestPractice.Status(await sync.BatchAsync("invoices", Invoice("I-0", number: "E-1")), 0));
        var auditBefore = await InvoiceAuditAsync(sync);

        object[] items =
        [
            Invoice("I-1", number: "A-1"),
            Invoice("I-2", number: "B-1"),
            Invoice("I-3", number: "a-1"),
            new { externalId = "I-4", clientExternalId = "C-1", number = "C-1", issueDate = "2026-11-02", currency = "JPY", lines = new[] { new { description = "Bookkeeping", amount = "100.00" } } },
            Invoice("I-5", number: "D-1"),
            Invoice("I-6", number: "E-1"),
        ];
        var batch = await sync.BatchAsync("invoices", items);

        // The results are what one by one gives: a number twice in the batch is the first's, a currency
        // the practice does not take and a number a stored invoice has are refused at their field.
        Assert.Equal(["created", "created", "error", "error", "created", "error"], Enumerable.Range(0, 6).Select(i => SyncTestPractice.Status(batch, i)));
        Assert.Equal(["number invoice-number-taken", "currency currency-not-accepted", "number invoice-number-taken"], new[] { 2, 3, 5 }.Select(i => SyncTestPractice.Error(batch, i)));
        Assert.Equal(["A-1", "B-1", "D-1", "E-1"], (await InvoicesAsync(sync)).Select(i => i.Number));

        // How: the rows nothing else touched were made together, first (one save); the two sharing a
        // number went one by one after them.
        Assert.Equal(["B-1", "D-1", "A-1"], (await InvoiceAuditAsync(sync)).Skip(auditBefore.Count).Select(d => d.Split(':')[0]));
        var again = await sync.BatchAsync("invoices", items);
        Assert.Equal(["unchanged", "unchanged", "error", "error", "unchanged", "error"], Enumerable.Range(0, 6).Select(i => SyncTestPractice.Status(again, i)));
    }

    [Theory, BothDatabases]
    public async Task New_payments_recorded_together_are_each_allocated_as_the_earlier_ones_left_the_invoices(DatabaseProvider provider)
    {
        var sync = await SyncTestPractice.ConnectAsync(await apps.For(provider));
        await sync.AddClientAsync("C-1", "Jordan Lee");
        var invoices = await sync.BatchAsync("invoices", Invoice("I-1", number: "A-1"), Invoice("I-2", number: "A-2", dueDate: "2026-12-09"));
        Assert.Equal(["created", "created"], Enumerable.Range(0, 2).Select(i => SyncTestPractice.Status(invoices, i)));

        // A batch of new payments only is recorded in one save, each payment checked and allocated as if
        // the earlier ones were recorded before it: the second 300.00 finds 208.50 left on A-1, and the
        // unallocated ones go to the oldest invoice still open.
        object[] payments =
        [
            Payment("P-1", "300.00", "I-1"),
            Payment("P-2", "300.00", "I-1"),
            Payment("P-3", "208.50", invoice: null),
            Payment("P-4", "100.00", invoice: null),
            Payment("P-5", "12,5x", invoice: null),
        ];
        var batch = await sync.BatchAsync("payments", payments);
        Assert.Equal(["created", "error", "created", "created", "error"], Enumerable.Range(0, 5).Select(i => SyncTestPractice.Status(batch, i)));
        Assert.Equal(["amount payment-allocation-over-balance", "amount amount-invalid"], new[] { 1, 4 }.Select(i => SyncTestPractice.Error(batch, i)));
        Assert.Equal(["A-1 50850 Paid", "A-2 10000 PartlyPaid"], (await InvoicesAsync(sync)).Select(i => $"{i.Number} {i.PaidAmount} {i.Status}"));
        Assert.Equal(["P-1 A-1 30000", "P-3 A-1 20850", "P-4 A-2 10000"], await AllocationsAsync(sync));

        // Sent again (now one by one: three of them are known): nothing is recorded twice.
        var again = await sync.BatchAsync("payments", payments);
        Assert.Equal(["unchanged", "error", "unchanged", "unchanged", "error"], Enumerable.Range(0, 5).Select(i => SyncTestPractice.Status(again, i)));
        Assert.Equal(["P-1 A-1 30000", "P-3 A-1 20850", "P-4 A-2 10000"], await AllocationsAsync(sync));
    }

    [Theory, BothDatabases]
    public async Task A_payment_is_allocated_to_its_invoice_once_and_a_paid_invoice_keeps_its_amounts(DatabaseProvider provider)
    {
        var sync = await SyncTestPractice.ConnectAsync(await apps.For(provider));
        await sync.AddClientAsync("C-1", "Jordan Lee");
        await sync.BatchAsync("invoices", Invoice("I-100"));

        object[] payments =
        [
            Payment("P-7", "500.00"),
            Payment("P-8", "ten dollars"),
            Payment("P-9", "5.00", client: "C-404"),
            Payment("P-10", "5.00", invoice: "I-404"),
            Payment("P-11", "5.00", method: "bitcoin"),
        ];
        var first = await sync.BatchAsync("payments", payments);
        Assert.Equal("created", SyncTestPractice.Status(first, 0));
        Assert.Equal("amount amount-invalid", SyncTestPractice.Error(first, 1));
        Assert.Equal("clientExternalId client-not-found", SyncTestPractice.Error(first, 2));
        Assert.Equal("invoiceExternalId invoice-not-found", SyncTestPractice.Error(first, 3));
        Assert.Equal("method payment-method-unknown", SyncTestPractice.Error(first, 4));
        var paymentId = SyncTestPractice.Result(first, 0).GetProperty("id").GetGuid();

        var invoice = (await InvoicesAsync(sync)).Single();
        Assert.Equal((50000L, InvoiceStatus.PartlyPaid), (invoice.PaidAmount, invoice.Status));
        var allocation = await sync.App.InPracticeAsync(sync.Practice, sp => sp.GetRequiredService<BillingDbContext>().Allocations.AsNoTracking().SingleAsync());
        Assert.Equal((paymentId, invoice.Id, 50000L), (allocation.PaymentId, allocation.InvoiceId, allocation.Amount));

        var again = await sync.BatchAsync("payments", payments);
        Assert.Equal("unchanged", SyncTestPractice.Status(again, 0));
        Assert.Equal(paymentId, SyncTestPractice.Result(again, 0).GetProperty("id").GetGuid());
        Assert.Equal(1, await sync.App.InPracticeAsync(sync.Practice, sp => sp.GetRequiredService<BillingDbContext>().Payments.CountAsync()));
        Assert.Equal(50000L, (await InvoicesAsync(sync)).Single().PaidAmount);

        // The same external id with another amount is not a second payment, nor a silent change.
        var changedPayment = await sync.BatchAsync("payments", Payment("P-7", "400.00"));
        Assert.Equal("externalId payment-changed", SyncTestPractice.Error(changedPayment, 0));

        // Payments are allocated: the invoice's amounts stay, and it cannot be voided.
        var changedInvoice = await sync.BatchAsync("invoices", Invoice("I-100", amount: "900.00"));
        Assert.Equal("lines invoice-has-payments", SyncTestPractice.Error(changedInvoice, 0));
        var voidPaid = await sync.BatchAsync("invoices", new { externalId = "I-100", deleted = true });
        Assert.Equal("deleted invoice-has-payments", SyncTestPractice.Error(voidPaid, 0));
        Assert.Equal(50850, (await InvoicesAsync(sync)).Single().TotalAmount);

        // A payment tombstone removes the payment and gives the invoice its balance back; again, nothing to do.
        var removed = await sync.BatchAsync("payments", new { externalId = "P-7", deleted = true });
        Assert.Equal("deleted", SyncTestPractice.Status(removed, 0));
        Assert.Equal((0L, InvoiceStatus.Open), ((await InvoicesAsync(sync)).Single().PaidAmount, (await InvoicesAsync(sync)).Single().Status));
        Assert.Equal(0, await sync.App.InPracticeAsync(sync.Practice, sp => sp.GetRequiredService<BillingDbContext>().Payments.CountAsync()));
        Assert.Equal("unchanged", SyncTestPractice.Status(await sync.BatchAsync("payments", new { externalId = "P-7", deleted = true }), 0));
    }

    [Theory, BothDatabases]
    public async Task An_invoice_tombstone_voids_it_and_the_batch_size_is_bounded(DatabaseProvider provider)
    {
        var sync = await SyncTestPractice.ConnectAsync(await apps.For(provider));
        await sync.AddClientAsync("C-1", "Jordan Lee");
        await sync.BatchAsync("invoices", Invoice("I-100"));

        var voided = await sync.BatchAsync("invoices", new { externalId = "I-100", deleted = true });
        Assert.Equal("deleted", SyncTestPractice.Status(voided, 0));
        var invoice = (await InvoicesAsync(sync)).Single();
        Assert.Equal(InvoiceStatus.Void, invoice.Status);
        Assert.NotNull(invoice.VoidReason);
        Assert.Equal("unchanged", SyncTestPractice.Status(await sync.BatchAsync("invoices", new { externalId = "I-100", deleted = true }), 0));
        Assert.Equal("externalId invoice-void", SyncTestPractice.Error(await sync.BatchAsync("invoices", Invoice("I-100")), 0));

        using var empty = await sync.SendAsync(HttpMethod.Post, "api/v1/invoices/batch", JsonContent.Create(new { items = Array.Empty<object>() }));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("application/problem+json", empty.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\"batch-size\"", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<List<Invoice>> InvoicesAsync(SyncTestPractice sync)
        => sync.App.InPracticeAsync(sync.Practice, sp => sp.GetRequiredService<BillingDbContext>().Invoices.AsNoTracking().OrderBy(i => i.Number).ToListAsync());

    private static Task<List<string>> InvoiceAuditAsync(SyncTestPractice sync)
        => sync.App.InPracticeAsync(sync.Practice, sp => sp.GetRequiredService<AuditDbContext>().Events.AsNoTracking()
            .Where(e => e.Action == BillingAuditActions.InvoiceCreated).OrderBy(e => e.Sequence).Select(e => e.Details!).ToListAsync());

    /// <summary>Every allocation as "payment's external id, invoice number, amount".</summary>
    private static Task<List<string>> AllocationsAsync(SyncTestPractice sync)
        => sync.App.InPracticeAsync(sync.Practice, async sp =>
        {
            var billing = sp.GetRequiredService<BillingDbContext>();
            var keys = await sp.GetRequiredService<SyncDbContext>().SyncedPayments.AsNoTracking().ToDictionaryAsync(k => k.PaymentId, k => k.ExternalId);
            var rows = await (from a in billing.Allocations.AsNoTracking()
                              join i in billing.Invoices on a.InvoiceId equals i.Id
                              select new { a.PaymentId, i.Number, a.Amount }).ToListAsync();
            return rows.Select(r => $"{keys[r.PaymentId]} {r.Number} {r.Amount}").Order(StringComparer.Ordinal).ToList();
        });

    private static Task<List<Guid>> LineIdsAsync(SyncTestPractice sync)
        => sync.App.InPracticeAsync(sync.Practice, sp => sp.GetRequiredService<BillingDbContext>().InvoiceLines.AsNoTracking().OrderBy(l => l.Id).Select(l => l.Id).ToListAsync());
}
