using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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

        // Not an error page: an outcome that says nothing was made.
        var failure = await scenario.Billing.InPracticeAsync(sp =>
            Exports(sp, SmallPage, SmallChunk, [new FailingAfterFirstPage()]).CreateAsync(JournalFileFormat.QuickBooksDesktopIif, null, null, default));
        Assert.True(failure.IsFailure);
        Assert.Null(failure.Export);
        Assert.Contains("nothing was exported", failure.Message, StringComparison.Ordinal);

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

    [Theory, BothDatabases]
    public async Task Refunds_over_several_pages_come_once_each_in_the_order_one_page_gives(DatabaseProvider provider)
    {
        const int refunds = 11;
        var scenario = await ScenarioAsync(provider, partialRefunds: refunds);

        var paged = await scenario.Billing.InPracticeAsync(async sp => await StoredAsync(sp, await Exports(sp, SmallPage, SmallChunk, sp.GetServices<JournalFileWriter>()).CreateAsync(JournalFileFormat.QuickBooksDesktopIif, null, null, default)));
        await scenario.Billing.InPracticeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReportsDbContext>();
            await db.ExportChunks.ExecuteDeleteAsync();
            await db.ExportItems.ExecuteDeleteAsync();
            return await db.Exports.ExecuteDeleteAsync();
        });
        var whole = await scenario.Billing.InPracticeAsync(async sp => await StoredAsync(sp, await Exports(sp, 1_000, 1024 * 1024, sp.GetServices<JournalFileWriter>()).CreateAsync(JournalFileFormat.QuickBooksDesktopIif, null, null, default)));

        Assert.Equal(Payments + 2 + refunds, paged.Export.EntryCount);
        Assert.Equal(whole.Bytes, paged.Bytes);
        Assert.Equal(paged.Items.Count, paged.Items.Distinct().Count());
        var lines = Encoding.Latin1.GetString(paged.Bytes).Split("\r\n");
        Assert.Equal(refunds, lines.Count(l => l.StartsWith("SPL\t", StringComparison.Ordinal) && l.Contains("\tRefund ", StringComparison.Ordinal)));
        var dates = lines.Where(l => l.StartsWith("TRNS\t", StringComparison.Ordinal)).Select(l => DateOnly.ParseExact(l.Split('\t')[2], "MM/dd/yyyy", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.Order(), dates);
    }

    [Theory, BothDatabases]
    public async Task Refunds_are_read_a_page_at_a_time_like_the_payments(DatabaseProvider provider)
    {
        const int refunds = 11;
        var scenario = await ScenarioAsync(provider, partialRefunds: refunds);
        var commands = new RefundCommands();

        var (paged, whole) = await scenario.Billing.InPracticeAsync(async sp =>
        {
            var options = new DbContextOptionsBuilder<BillingDbContext>(sp.GetRequiredService<DbContextOptions<BillingDbContext>>()).AddInterceptors(commands).Options;
            await using var billing = new BillingDbContext(options);
            var source = new AccountingTransactionSource(billing, sp.GetRequiredService<ReportsDbContext>(), sp.GetRequiredService<IClientDirectory>(), sp.GetRequiredService<IPracticeClock>()) { PageSize = SmallPage };
            var pages = new List<IReadOnlyList<ExportableTransaction>>();
            await foreach (var page in source.NotExportedPagesAsync(JournalFileFormat.XeroCsv, "CAD", null, null, default))
            {
                pages.Add(page);
            }

            return (pages, await sp.GetRequiredService<AccountingTransactionSource>().NotExportedAsync(JournalFileFormat.XeroCsv, "CAD", null, null, default));
        });

        Assert.Equal(whole.Select(t => t.Id), paged.SelectMany(p => p).Select(t => t.Id));
        Assert.Equal(refunds, whole.Count(t => t.Transaction.Kind == AccountingTransactionKind.Refund));
        // Each range read of the refunds takes at most a page: 11 refunds in pages of 4 are three reads.
        Assert.True(commands.LimitedRefundReads >= 3, $"{commands.LimitedRefundReads} limited reads of the refunds");
        Assert.Equal(0, commands.UnlimitedRefundRanges);
    }

    [Theory, BothDatabases]
    public async Task A_payment_the_file_cannot_hold_is_named_on_the_page_and_nothing_is_exported(DatabaseProvider provider)
    {
        var scenario = await ScenarioAsync(provider);
        // A fee above the amount (bad data from before a rule, or a hand edit): no balanced entry can hold it.
        await scenario.Billing.InPracticeAsync(sp => sp.GetRequiredService<BillingDbContext>().Payments.Where(p => p.Reference == "CHQ B7").ExecuteUpdateAsync(u => u.SetProperty(p => p.FeeAmount, p => p.Amount + 1)));
        var admin = await scenario.AdminAsync();

        var response = await admin.SubmitFormAsync("admin/reports/accounting-exports", new() { ["Input.Program"] = "quickbooks-desktop", ["Input.Mode"] = "new" }, "[data-testid=accounting-export]");

        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var notice = HtmlForms.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-testid=export-notice]")?.TextContent;
        Assert.Contains("CHQ B7", notice, StringComparison.Ordinal);
        Assert.Contains("Nothing was exported", notice, StringComparison.Ordinal);
        var (exports, items, chunks) = await scenario.Billing.InPracticeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReportsDbContext>();
            return (await db.Exports.CountAsync(), await db.ExportItems.CountAsync(), await db.ExportChunks.CountAsync());
        });
        Assert.Equal((0, 0, 0), (exports, items, chunks));
    }

    /// <summary>The reports scenario (cheque, card, pending) plus <see cref="Payments"/> cheques on five October dates, and the card refunded.</summary>
    private async Task<ReportsScenario> ScenarioAsync(DatabaseProvider provider, int partialRefunds = 0)
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

        if (partialRefunds == 0)
        {
            Assert.True((await scenario.RefundCardAsync()).Created);
            return scenario;
        }

        // Partial refunds of the card payment, moved onto the October dates so they fall between the payments' pages.
        for (var i = 1; i <= partialRefunds; i++)
        {
            var recorded = await billing.InPracticeAsync(sp => sp.GetRequiredService<RefundBook>().RecordAsync(
                new RefundRecording(null, scenario.Card.Id, $"re_part_{i}", 100, "CAD", RefundReason.RequestedByCustomer, null, RefundStatus.Succeeded, billing.Admin.Id)));
            Assert.True(recorded.Created);
            var at = new DateTime(2026, 10, 1, 18, 0, 0, DateTimeKind.Utc).AddDays(i % 5).AddMinutes(i);
            await billing.InPracticeAsync(sp => sp.GetRequiredService<BillingDbContext>().Refunds.Where(r => r.StripeRefundId == $"re_part_{i}").ExecuteUpdateAsync(u => u.SetProperty(r => r.CreatedAt, at)));
        }

        return scenario;
    }

    private static AccountingExports Exports(IServiceProvider sp, int pageSize, int chunkSize, IEnumerable<JournalFileWriter> writers)
    {
        var reports = sp.GetRequiredService<ReportsDbContext>();
        var source = new AccountingTransactionSource(sp.GetRequiredService<BillingDbContext>(), reports, sp.GetRequiredService<IClientDirectory>(), sp.GetRequiredService<IPracticeClock>())
        {
            PageSize = pageSize,
        };
        return new AccountingExports(reports, source, writers, sp.GetRequiredService<SiteSettingsStore>(), sp.GetRequiredService<ICurrentActor>(), sp.GetRequiredService<IPracticeClock>(), sp.GetRequiredService<IAuditLog>(), sp.GetRequiredService<ILogger<AccountingExports>>())
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

    /// <summary>Counts the reads of the Refunds table in date order: limited to a page, or (as before paging) the whole range at once.</summary>
    private sealed class RefundCommands : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        private int _limited;
        private int _unlimited;

        public int LimitedRefundReads => _limited;

        public int UnlimitedRefundRanges => _unlimited;

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result,
            CancellationToken cancellationToken = default)
        {
            var text = command.CommandText;
            var order = text.IndexOf("ORDER BY", StringComparison.Ordinal);
            if (text.Contains("FROM \"Refunds\"", StringComparison.Ordinal) && order >= 0 && text.IndexOf("\"CreatedAt\"", order, StringComparison.Ordinal) > order)
            {
                Interlocked.Increment(ref text.Contains("LIMIT", StringComparison.Ordinal) ? ref _limited : ref _unlimited);
            }

            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
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
