using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Billing.Data;
using Portal.Billing.Models;
using Portal.Billing.Services;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Core.Time;
using Portal.Reports.Data;
using Portal.Reports.Exports;
using Portal.Reports.Journals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Reports;

/// <summary>
/// An export reads payments a page at a time, saves each page's items rows and writes its file in
/// chunks, all in one transaction. At a small scale (pages of 4 payments, chunks of 64 bytes) the file
/// must be the one a single page and a single chunk make, with every item remembered; and a failure
/// after the first page must leave nothing: no export row, no items, no chunk of the file.
/// </summary>
public sealed class AccountingExportBatchingTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private const int Payments = 25;
    private const int SmallPage = 4;
    private const int SmallChunk = 64;

    [Theory, BothDatabases]
    public async Task Small_pages_and_chunks_make_the_same_file_as_one_batch_and_remember_every_item(DatabaseProvider provider)
    {
        var scenario = await ScenarioAsync(provider);

        var paged = await scenario.Billing.InPracticeAsync(async sp =>
        {
            var outcome = await Exports(sp, SmallPage, SmallChunk, sp.GetServices<JournalFileWriter>()).CreateAsync(JournalFileFormat.QuickBooksDesktopIif, null, null, default);
            return await StoredAsync(sp, outcome);
        });
        Assert.True(paged.Chunks > 10, $"{paged.Chunks} chunks");

        // Forget it, then make the same export in one page and one chunk.
        await scenario.Billing.InPracticeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReportsDbContext>();
            await db.ExportChunks.ExecuteDeleteAsync();
            await db.ExportItems.ExecuteDeleteAsync();
            return await db.Exports.ExecuteDeleteAsync();
        });
        var whole = await scenario.Billing.InPracticeAsync(async sp =>
        {
            var outcome = await Exports(sp, 1_000, 1024 * 1024, sp.GetServices<JournalFileWriter>()).CreateAsync(JournalFileFormat.QuickBooksDesktopIif, null, null, default);
            return await StoredAsync(sp, outcome);
        });

        Assert.Equal(1, whole.Chunks);
        Assert.Equal(whole.Bytes, paged.Bytes);
        Assert.Equal(whole.Export.FileName, paged.Export.FileName);
        Assert.Equal(whole.Export.Sha256, paged.Export.Sha256);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(paged.Bytes)), paged.Export.Sha256);
        Assert.Equal(paged.Bytes.Length, paged.Export.Size);
        Assert.Equal(Payments + 3, paged.Export.EntryCount);
        Assert.Equal(whole.Items.Order(), paged.Items.Order());
        Assert.Equal(Payments + 3, paged.Items.Distinct().Count());

        // Payments in date order across the pages, the refund (dated today) last.
        var lines = Encoding.Latin1.GetString(paged.Bytes).Split("\r\n");
        var dates = lines.Where(l => l.StartsWith("TRNS\t", StringComparison.Ordinal)).Select(l => DateOnly.ParseExact(l.Split('\t')[2], "MM/dd/yyyy", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.Order(), dates);
        Assert.Contains("\tRefund ", lines.Where(l => l.StartsWith("SPL\t", StringComparison.Ordinal)).Last(), StringComparison.Ordinal);

        // The stored file is what a second "not exported yet" leaves alone: it has nothing new.
        var again = await scenario.Billing.InPracticeAsync(sp => Exports(sp, SmallPage, SmallChunk, sp.GetServices<JournalFileWriter>()).CreateAsync(JournalFileFormat.QuickBooksDesktopIif, null, null, default));
        Assert.Null(again.Export);
        Assert.StartsWith("Nothing new to export since ", again.Message, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_writer_failing_after_the_first_page_leaves_no_export_no_items_and_no_file(DatabaseProvider provider)
    {
        var scenario = await ScenarioAsync(provider);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => scenario.Billing.InPracticeAsync(sp =>
            Exports(sp, SmallPage, SmallChunk, [new FailingAfterFirstPage()]).CreateAsync(JournalFileFormat.QuickBooksDesktopIif, null, null, default)));
        Assert.Equal(FailingAfterFirstPage.Message, failure.Message);

        var (exports, items, chunks) = await scenario.Billing.InPracticeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReportsDbContext>();
            return (await db.Exports.CountAsync(), await db.ExportItems.CountAsync(), await db.ExportChunks.CountAsync());
        });
        Assert.Equal((0, 0, 0), (exports, items, chunks));

        // Nothing was taken: a working export afterwards has every payment and the refund.
        var made = await scenario.Billing.InPracticeAsync(sp => sp.GetRequiredService<AccountingExports>().CreateAsync(JournalFileFormat.QuickBooksDesktopIif, null, null, default));
        Assert.Equal(Payments + 3, made.Export!.EntryCount);
        Assert.Equal(1, made.Export.FirstEntryNumber);
    }

    /// <summary>The reports scenario (cheque, card, pending) plus <see cref="Payments"/> cheques on five October dates, and the card refunded.</summary>
    private async Task<ReportsScenario> ScenarioAsync(DatabaseProvider provider)
    {
        var scenario = await ReportsScenario.CreateAsync(await apps.For(provider));
        var billing = scenario.Billing;
        for (var i = 1; i <= Payments; i++)
        {
            var invoice = await billing.InvoiceAsync($"INV-B{i}", 1_000 + i);
            var paid = await billing.InPracticeAsync(sp => sp.GetRequiredService<PaymentLedger>().RecordOfflineAsync(
                new OfflinePaymentDraft(billing.ClientId, PaymentMethod.Cheque, new DateOnly(2026, 10, 1).AddDays(i % 5), $"CHQ B{i}", 1_000 + i, "CAD", [new AllocationDraft(invoice.Id, 1_000 + i)])));
            Assert.True(paid.Succeeded, string.Join(" ", paid.Errors.Select(e => e.Message)));
        }

        Assert.True((await scenario.RefundCardAsync()).Created);
        return scenario;
    }

    private static AccountingExports Exports(IServiceProvider sp, int pageSize, int chunkSize, IEnumerable<JournalFileWriter> writers)
    {
        var reports = sp.GetRequiredService<ReportsDbContext>();
        var source = new AccountingTransactionSource(sp.GetRequiredService<BillingDbContext>(), reports, sp.GetRequiredService<IClientDirectory>(), sp.GetRequiredService<IPracticeClock>())
        {
            PageSize = pageSize,
        };
        return new AccountingExports(reports, source, writers, sp.GetRequiredService<SiteSettingsStore>(), sp.GetRequiredService<ICurrentActor>(), sp.GetRequiredService<IPracticeClock>(), sp.GetRequiredService<IAuditLog>())
        {
            ChunkSize = chunkSize,
        };
    }

    private static async Task<(AccountingExport Export, byte[] Bytes, int Chunks, List<Guid> Items)> StoredAsync(IServiceProvider sp, AccountingExportOutcome outcome)
    {
        Assert.True(outcome.Export is not null, outcome.Message);
        var db = sp.GetRequiredService<ReportsDbContext>();
        var export = await db.Exports.AsNoTracking().SingleAsync(e => e.Id == outcome.Export.Id);
        using var file = new MemoryStream();
        await sp.GetRequiredService<AccountingExports>().CopyFileAsync(export.Id, file, default);
        var chunks = await db.ExportChunks.CountAsync(c => c.ExportId == export.Id);
        var items = await db.ExportItems.Where(i => i.ExportId == export.Id).Select(i => i.TransactionId).ToListAsync();
        return (export, file.ToArray(), chunks, items);
    }

    /// <summary>
    /// IIF lines, but at most two entries a file (so parts of a zip reach the stored file while the
    /// first page is written) and an error at the first entry of the second page.
    /// </summary>
    private sealed class FailingAfterFirstPage : JournalFileWriter
    {
        public const string Message = "The writer failed after the first page.";

        private readonly QuickBooksDesktopIif _iif = new();

        public override JournalFileFormat Format => JournalFileFormat.QuickBooksDesktopIif;

        public override string FileExtension => _iif.FileExtension;

        public override string ContentType => _iif.ContentType;

        protected override Encoding Encoding => WindowsAnsi;

        protected override int? MaxLinesPerFile => 9;

        protected override IReadOnlyList<string> Heading => ["!TRNS", "!SPL", "!ENDTRNS"];

        protected override IEnumerable<string> Lines(JournalEntry entry, AccountMapping mapping)
        {
            if (entry.Number > SmallPage)
            {
                throw new InvalidOperationException(Message);
            }

            return entry.Lines.Select(l => $"{entry.Number}\t{l.Amount}").Append("ENDTRNS");
        }
    }
}
