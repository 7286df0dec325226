using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.Billing.Models;
using Portal.Core.Contracts;
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
public sealed class AccountingExports(
    ReportsDbContext db,
    AccountingTransactionSource source,
    IEnumerable<JournalFileWriter> writers,
    SiteSettingsStore settings,
    ICurrentActor actor,
    IPracticeClock clock,
    IAuditLog audit)
{
    public const int HistorySize = 50;

    public async Task<AccountingExportOutcome> CreateAsync(JournalFileFormat program, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var mapping = await settings.GetAsync<AccountMapping>(cancellationToken);
        if (AccountMapping.Validate(mapping).FirstOrDefault() is not null)
        {
            return AccountingExportOutcome.NotMade("The account mapping is incomplete: set the accounts first.");
        }

        var currency = (await settings.GetAsync<PaymentSettings>(cancellationToken)).DefaultCurrency;
        var items = await source.NotExportedAsync(program, currency, from, to, cancellationToken);
        if (items.Count == 0)
        {
            return AccountingExportOutcome.NotMade(await NothingNewAsync(program, cancellationToken));
        }

        var writer = writers.Single(w => w.Format == program);
        var firstNumber = (await db.Exports.Where(e => e.Program == program).SumAsync(e => (long?)e.EntryCount, cancellationToken) ?? 0) + 1;
        using var file = new MemoryStream();
        var written = await writer.WriteAsync(JournalEntries.For(ToAsync(items), firstNumber, cancellationToken), mapping, file, cancellationToken);
        var zone = await clock.ZoneAsync(cancellationToken);
        var now = clock.UtcNow;
        var sequence = await db.Exports.CountAsync(e => e.Program == program, cancellationToken) + 1;
        var baseName = $"{AccountingPrograms.Slug(program)}-{zone.ToLocal(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-{sequence.ToString(CultureInfo.InvariantCulture)}";
        var content = file.ToArray();
        var who = actor.Actor;
        var export = new AccountingExport
        {
            Id = Guid.CreateVersion7(),
            Program = program,
            CreatedAt = now,
            CreatedBy = who.UserId,
            CreatedByName = who.Name is { } name && name.Length > AccountingExport.NameMaxLength ? name[..AccountingExport.NameMaxLength] : who.Name,
            RangeFrom = from,
            RangeTo = to,
            FileName = written.FileName(writer, baseName),
            ContentType = written.ContentType(writer),
            EntryCount = written.Entries,
            FirstEntryNumber = firstNumber,
            Content = content,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
        };
        db.Exports.Add(export);
        db.ExportItems.AddRange(items.Select(i => new AccountingExportItem
        {
            Id = Guid.CreateVersion7(),
            ExportId = export.Id,
            Program = program,
            Kind = i.Transaction.Kind,
            TransactionId = i.Id,
        }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another export for this program took some of these at the same moment (the unique index).
            db.ChangeTracker.Clear();
            return AccountingExportOutcome.NotMade("Another export for this program was made at the same moment; nothing was made. Try again to export what is left.");
        }

        await audit.RecordAsync(new AuditEntry(ReportsAuditActions.AccountingExportCreated, ReportsAuditTargets.AccountingExport, export.Id.ToString(), export.FileName), cancellationToken);
        return AccountingExportOutcome.Made(export);
    }

    public async Task<IReadOnlyList<AccountingExportSummary>> HistoryAsync(CancellationToken cancellationToken)
        => await db.Exports.AsNoTracking()
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Take(HistorySize)
            .Select(e => new AccountingExportSummary(e.Id, e.Program, e.CreatedAt, e.CreatedByName, e.RangeFrom, e.RangeTo, e.FileName, e.EntryCount, e.Content.Length))
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

    private static async IAsyncEnumerable<AccountingTransaction> ToAsync(IReadOnlyList<ExportableTransaction> items)
    {
        foreach (var item in items)
        {
            yield return item.Transaction;
        }

        await Task.CompletedTask;
    }
}
