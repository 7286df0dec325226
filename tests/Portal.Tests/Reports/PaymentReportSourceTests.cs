using Microsoft.Extensions.DependencyInjection;
using Portal.Billing.Models;
using Portal.Billing.Services;
using Portal.Core.Data;
using Portal.Reports.Models;
using Portal.Reports.Services;
using Portal.Tests.Billing;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Reports;

/// <summary>The report's rows come from Billing page by page, in date order, within the range and status asked for.</summary>
public sealed class PaymentReportSourceTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task Rows_come_in_date_order_across_pages_within_the_range_with_names_and_invoice_numbers(DatabaseProvider provider)
    {
        var scenario = await BillingScenario.CreateAsync(await apps.For(provider));
        DateOnly[] days = [new(2026, 3, 2), new(2026, 3, 1), new(2026, 3, 2), new(2026, 3, 3), new(2026, 3, 2), new(2026, 2, 28), new(2026, 3, 4)];
        for (var i = 0; i < days.Length; i++)
        {
            var invoice = await scenario.InvoiceAsync($"INV-{i + 1}", 10_000 + i);
            var recorded = await scenario.InPracticeAsync(sp => sp.GetRequiredService<PaymentLedger>().RecordOfflineAsync(
                new OfflinePaymentDraft(scenario.ClientId, PaymentMethod.Cheque, days[i], $"CHQ {i + 1}", 10_000 + i, null, [new AllocationDraft(invoice.Id, 10_000 + i)])));
            Assert.True(recorded.Succeeded, string.Join(" ", recorded.Errors.Select(e => e.Message)));
        }

        // A page of two rows: five rows in range take three pages, with three rows on one date across a page boundary.
        var rows = await RowsAsync(scenario, new PaymentReportQuery(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 3), null), pageSize: 2);

        Assert.Equal(5, rows.Count);
        Assert.Equal([new(2026, 3, 1), new(2026, 3, 2), new(2026, 3, 2), new(2026, 3, 2), new DateOnly(2026, 3, 3)], rows.Select(r => r.Date));
        Assert.Equal(["INV-1", "INV-2", "INV-3", "INV-4", "INV-5"], rows.Select(r => r.InvoiceNumber).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal("Harbour Bakery Ltd", r.Client));
        Assert.All(rows, r => Assert.Equal(PaymentReportStatus.Paid, r.Status));
        Assert.All(rows, r => Assert.Equal("Cheque", r.Method));
        var second = rows.Single(r => r.InvoiceNumber == "INV-2");
        Assert.Equal(("CHQ 2", 10_001L, 0L, "CAD"), (second.Description, second.Gross, second.Fee, second.Currency));

        var all = await RowsAsync(scenario, new PaymentReportQuery(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), null), pageSize: 3);
        Assert.Equal(7, all.Count);
        Assert.Equal(all.Select(r => r.Date).Order(), all.Select(r => r.Date));

        Assert.Empty(await RowsAsync(scenario, new PaymentReportQuery(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), PaymentReportStatus.Refunded), pageSize: 2));
        Assert.Equal(7, (await RowsAsync(scenario, new PaymentReportQuery(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), PaymentReportStatus.Paid), pageSize: 500)).Count);
    }

    [Fact]
    public void A_range_backwards_or_over_five_years_is_refused_at_the_end_date()
    {
        Assert.Equal(["To"], new PaymentReportQuery(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 1), null).Problems().Select(p => p.Field));
        Assert.Equal(["To"], new PaymentReportQuery(new DateOnly(2020, 1, 1), new DateOnly(2025, 1, 2), null).Problems().Select(p => p.Field));
        Assert.Empty(new PaymentReportQuery(new DateOnly(2020, 1, 1), new DateOnly(2025, 1, 1), null).Problems());
    }

    private static Task<List<PaymentReportRow>> RowsAsync(BillingScenario scenario, PaymentReportQuery query, int pageSize)
        => scenario.InPracticeAsync(async sp =>
        {
            var paged = new PaymentReportSource(
                sp.GetRequiredService<Portal.Billing.Data.BillingDbContext>(),
                sp.GetRequiredService<Portal.Core.Contracts.IClientDirectory>(),
                sp.GetRequiredService<Portal.Core.Contracts.IUserDirectory>())
            { PageSize = pageSize };
            var rows = new List<PaymentReportRow>();
            await foreach (var row in paged.RowsAsync(query))
            {
                rows.Add(row);
            }

            return rows;
        });
}
