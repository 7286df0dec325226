using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Reports.Data;
using Portal.Reports.Exports;
using Portal.Reports.Journals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Reports;

/// <summary>A payment goes into one file per program, however exports race: the unique index decides.</summary>
public sealed class AccountingExportRaceTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task Exports_racing_for_one_program_put_each_payment_in_one_file(DatabaseProvider provider)
    {
        var scenario = await ReportsScenario.CreateAsync(await apps.For(provider));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => scenario.Billing.InPracticeAsync(sp =>
            sp.GetRequiredService<AccountingExports>().CreateAsync(JournalFileFormat.XeroCsv, null, null, default))));

        var made = Assert.Single(outcomes, o => o.Export is not null);
        Assert.Equal(2, made.Export!.EntryCount);
        Assert.All(outcomes.Where(o => o.Export is null), o => Assert.False(string.IsNullOrEmpty(o.Message)));
        var (exports, items) = await scenario.Billing.InPracticeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReportsDbContext>();
            return (await db.Exports.CountAsync(), await db.ExportItems.Select(i => i.TransactionId).ToListAsync());
        });
        Assert.Equal(1, exports);
        Assert.Equal(new[] { scenario.Card.Id, scenario.Cheque.Id }.Order(), items.Order());

        // The index itself refuses a second row for the same payment and program.
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => scenario.Billing.InPracticeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReportsDbContext>();
            db.ExportItems.Add(new AccountingExportItem { Id = Guid.CreateVersion7(), ExportId = made.Export.Id, Program = JournalFileFormat.XeroCsv, Kind = AccountingTransactionKind.Payment, TransactionId = scenario.Card.Id });
            return await db.SaveChangesAsync();
        }));
    }
}
