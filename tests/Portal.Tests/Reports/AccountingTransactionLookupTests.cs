using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Billing.Data;
using Portal.Billing.Models;
using Portal.Billing.Services;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Tenancy;
using Portal.Core.Time;
using Portal.Reports.Data;
using Portal.Reports.Exports;
using Portal.Reports.Journals;
using Portal.Tests.Billing;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Reports;

/// <summary>
/// An import file of more payments than one SQL command can name: EF Core sends an id list as one
/// parameter per id, and SQLite takes at most 32,766 (an export of 94,000 payments failed with "too
/// many SQL variables" in bench/reports/portal.sh). Here SQLite's limit is lowered on the connection so
/// that a few payments cross it, as a year of payments crosses the real one.
/// </summary>
public sealed class AccountingTransactionLookupTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private const int Payments = 25;
    private const int VariableLimit = 20;

    [Theory, BothDatabases]
    public async Task Payments_beyond_the_variable_limit_are_exported_with_their_invoices_and_clients(DatabaseProvider provider)
    {
        var scenario = await BillingScenario.CreateAsync(await apps.For(provider));
        await scenario.InPracticeAsync(sp => sp.GetRequiredService<TenantFeatures>().EnableAsync([Portal.Reports.Manifest.Feature], default));
        scenario = scenario with { Practice = scenario.App.Get<TenantRegistry>().Find(scenario.Practice.Name)! };
        var expected = new Dictionary<string, string>();
        for (var i = 1; i <= Payments; i++)
        {
            var client = i % 2 == 0 ? scenario.ClientId : scenario.OtherClientId;
            var invoice = await scenario.InvoiceAsync($"INV-{i}", 1_000 + i, clientId: client);
            var paid = await scenario.InPracticeAsync(sp => sp.GetRequiredService<PaymentLedger>().RecordOfflineAsync(
                new OfflinePaymentDraft(client, PaymentMethod.Cheque, new DateOnly(2026, 3, 1).AddDays(i), $"CHQ {i}", 1_000 + i, "CAD", [new AllocationDraft(invoice.Id, 1_000 + i)])));
            Assert.True(paid.Succeeded, string.Join(" ", paid.Errors.Select(e => e.Message)));
            expected[$"CHQ {i}"] = $"INV-{i}|{(client == scenario.ClientId ? "Harbour Bakery Ltd" : "Okafor Consulting")}";
        }

        var items = await scenario.InPracticeAsync(async sp =>
        {
            var billing = sp.GetRequiredService<BillingDbContext>();
            await billing.Database.OpenConnectionAsync();
            var limited = billing.Database.GetDbConnection() as SqliteConnection;
            var before = limited is null ? 0 : SQLitePCL.raw.sqlite3_limit(limited.Handle, SQLitePCL.raw.SQLITE_LIMIT_VARIABLE_NUMBER, VariableLimit);
            try
            {
                var source = new AccountingTransactionSource(billing, sp.GetRequiredService<ReportsDbContext>(), sp.GetRequiredService<IClientDirectory>(), sp.GetRequiredService<IPracticeClock>())
                {
                    LookupChunkSize = 8,
                };
                return await source.NotExportedAsync(JournalFileFormat.QuickBooksDesktopIif, "CAD", null, null, default);
            }
            finally
            {
                if (limited is not null)
                {
                    SQLitePCL.raw.sqlite3_limit(limited.Handle, SQLitePCL.raw.SQLITE_LIMIT_VARIABLE_NUMBER, before);
                }

                await billing.Database.CloseConnectionAsync();
            }
        });

        Assert.Equal(Payments, items.Count);
        Assert.Equal(
            expected.OrderBy(e => e.Key, StringComparer.Ordinal),
            items.Select(i => KeyValuePair.Create(i.Transaction.Reference, $"{i.Transaction.InvoiceNumber}|{i.Transaction.Customer}")).OrderBy(e => e.Key, StringComparer.Ordinal));
    }
}
