using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Billing.Models;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Core.Time;
using Portal.Reports.Data;
using Portal.Reports.Journals;
using Portal.Reports.Services;

namespace Portal.Reports.Exports;

/// <summary>
/// Makes accounting import files and remembers them: the file's bytes (so a re-download is the same
/// file) and which payments and refunds went in (so the next "not exported yet" leaves them out, and
/// the unique index refuses a second export of one for the same program).
/// </summary>
/// <remarks>
/// Nothing grows with the number of payments: the payments are read a page at a time, each page's
/// items rows are saved before its entries go to the writer, and the file goes to the database a chunk
/// at a time as it is written (<see cref="AccountingExportChunkStream"/>). All of it is one transaction,
/// so an export that fails part way (a writer's error, a race lost on the unique index, a cancelled
/// request) leaves no export row, no items and no chunk, and the person gets an outcome that says so (never an
/// error page). Each page is checked before it is remembered or written, so a payment the file cannot hold is
/// named instead of failing inside the writer. On SQLite that transaction holds the practice
/// database's write lock while the file is written (seconds for a year of payments).
/// </remarks>
public sealed class AccountingExports(
    ReportsDbContext db,
    AccountingTransactionSource source,
    IEnumerable<JournalFileWriter> writers,
    SiteSettingsStore settings,
    ICurrentActor actor,
    IPracticeClock clock,
    IAuditLog audit,
    ILogger<AccountingExports> logger)
{
    public const int HistorySize = 50;

    /// <summary>Bytes per stored chunk of a file: a year of payments is a few hundred chunks.</summary>
    internal int ChunkSize { get; init; } = 256 * 1024;

    public async Task<AccountingExportOutcome> CreateAsync(JournalFileFormat program, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var mapping = await settings.GetAsync<AccountMapping>(cancellationToken);
        if (AccountMapping.Validate(mapping).FirstOrDefault() is not null)
        {
            return AccountingExportOutcome.NotMade("The account mapping is incomplete: set the accounts first.");
        }

        var currency = (await settings.GetAsync<PaymentSettings>(cancellationToken)).DefaultCurrency;
        var writer = writers.Single(w => w.Format == program);
        var zone = await clock.ZoneAsync(cancellationToken);
        var now = clock.UtcNow;
        var who = actor.Actor;
        AccountingExport export;
        try
        {
            await using var transaction = await db.Database.BeginOrNestTransactionAsync(cancellationToken);
            var firstNumber = (await db.Exports.Where(e => e.Program == program).SumAsync(e => (long?)e.EntryCount, cancellationToken) ?? 0) + 1;
            var sequence = await db.Exports.CountAsync(e => e.Program == program, cancellationToken) + 1;
            export = new AccountingExport
            {
                Id = Guid.CreateVersion7(),
                Program = program,
                CreatedAt = now,
                CreatedBy = who.UserId,
                CreatedByName = who.Name is { } name && name.Length > AccountingExport.NameMaxLength ? name[..AccountingExport.NameMaxLength] : who.Name,
                RangeFrom = from,
                RangeTo = to,
                FileName = "",
                ContentType = "",
                FirstEntryNumber = firstNumber,
            };

            // The row first: the items and chunks that follow refer to it.
            db.Exports.Add(export);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();

            await using var file = new AccountingExportChunkStream(db, export.Id, ChunkSize);
            var transactions = RememberedAsync(export.Id, program, source.NotExportedPagesAsync(program, currency, from, to, cancellationToken), cancellationToken);
            var written = await writer.WriteAsync(JournalEntries.For(transactions, firstNumber, cancellationToken), mapping, file, cancellationToken);
            if (written.Entries == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return AccountingExportOutcome.NotMade(await NothingNewAsync(program, cancellationToken));
            }

            var (size, sha256) = await file.CompleteAsync(cancellationToken);
            var baseName = $"{AccountingPrograms.Slug(program)}-{zone.ToLocal(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-{sequence.ToString(CultureInfo.InvariantCulture)}";
            export.FileName = written.FileName(writer, baseName);
            export.ContentType = written.ContentType(writer);
            export.EntryCount = written.Entries;
            export.Size = size;
            export.Sha256 = sha256;
            db.Exports.Update(export);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another export for this program took some of these at the same moment (the unique index).
            db.ChangeTracker.Clear();
            return AccountingExportOutcome.NotMade("Another export for this program was made at the same moment; nothing was made. Try again to export what is left.");
        }
        catch (UnexportableTransactionException refused)
        {
            db.ChangeTracker.Clear();
            return AccountingExportOutcome.Failed($"Nothing was exported: {refused.Message}");
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The writer (or the store) failed part way: the transaction is rolled back, so nothing is half made;
            // the person is told so instead of an error page, and the operator finds the cause in the log.
            logger.LogError(e, "The {Program} accounting export failed part way and was rolled back", program);
            db.ChangeTracker.Clear();
            return AccountingExportOutcome.Failed($"The {AccountingPrograms.DisplayName(program)} file could not be made because of an error in the portal; nothing was exported and nothing is marked as exported. Try again, and tell your portal operator if it happens again.");
        }

        await audit.RecordAsync(new AuditEntry(ReportsAuditActions.AccountingExportCreated, ReportsAuditTargets.AccountingExport, export.Id.ToString(), export.FileName), cancellationToken);
        return AccountingExportOutcome.Made(export);
    }

    /// <summary>Writes a stored file to <paramref name="output"/> a chunk at a time, each chunk read on its own.</summary>
    public async Task CopyFileAsync(Guid id, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        for (var number = 0; ; number++)
        {
            var data = await db.ExportChunks.AsNoTracking()
                .Where(c => c.ExportId == id && c.Number == number)
                .Select(c => c.Data)
                .FirstOrDefaultAsync(cancellationToken);
            if (data is null)
            {
                return;
            }

            await output.WriteAsync(data, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<AccountingExportSummary>> HistoryAsync(CancellationToken cancellationToken)
        => await db.Exports.AsNoTracking()
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Take(HistorySize)
            .Select(e => new AccountingExportSummary(e.Id, e.Program, e.CreatedAt, e.CreatedByName, e.RangeFrom, e.RangeTo, e.FileName, e.EntryCount, e.Size))
            .ToListAsync(cancellationToken);

    public Task<AccountingExport?> FindAsync(Guid id, CancellationToken cancellationToken)
        => db.Exports.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);

    private async Task<string> NothingNewAsync(JournalFileFormat program, CancellationToken cancellationToken)
    {
        var last = await db.Exports.AsNoTracking().Where(e => e.Program == program).MaxAsync(e => (DateTime?)e.CreatedAt, cancellationToken);
        if (last is null)
        {
            return "Nothing to export: there are no paid payments or refunds for this choice.";
        }

        var zone = await clock.ZoneAsync(cancellationToken);
        return $"Nothing new to export since {zone.DateTime(last.Value)} ({zone.Label}).";
    }

    /// <summary>
    /// The transactions page by page, each page's items rows saved (and let go of) before its
    /// transactions go on to the writer, in the export's transaction.
    /// </summary>
    private async IAsyncEnumerable<AccountingTransaction> RememberedAsync(
        Guid exportId,
        JournalFileFormat program,
        IAsyncEnumerable<IReadOnlyList<ExportableTransaction>> pages,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in pages.WithCancellation(cancellationToken))
        {
            // Checked before any of the page is remembered or written: a bad row stops the export, which is then rolled back whole.
            foreach (var item in page)
            {
                if (JournalEntries.Problem(item.Transaction) is { } problem)
                {
                    throw UnexportableTransactionException.For(item.Transaction, problem);
                }
            }

            db.ExportItems.AddRange(page.Select(i => new AccountingExportItem
            {
                Id = Guid.CreateVersion7(),
                ExportId = exportId,
                Program = program,
                Kind = i.Transaction.Kind,
                TransactionId = i.Id,
            }));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            foreach (var item in page)
            {
                yield return item.Transaction;
            }
        }
    }
}
