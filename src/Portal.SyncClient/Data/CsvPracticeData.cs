using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using PortalSync.Hosting;

namespace PortalSync.Data;

/// <summary>A folder of CSV exports, one file per table ({table}.csv, a header row with the columns); write-back appends to portal_*.csv.</summary>
internal sealed class CsvPracticeData(string folder) : TabularPracticeData(Path.GetFullPath(folder)), IWriteBackSink
{
    private static readonly CsvConfiguration Format = new(CultureInfo.InvariantCulture)
    {
        PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
        MissingFieldFound = null,
        BadDataFound = null,
        DetectDelimiter = true,
    };

    public override string Description => Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));

    public override IWriteBackSink WriteBack => this;

    public static CsvPracticeData Open(string folder)
        => Directory.Exists(folder) ? new CsvPracticeData(folder) : throw new FatalException($"The folder {folder} does not exist.");

    public async Task<int> WriteAsync(IReadOnlyList<OnlinePayment> payments, IReadOnlyList<ClientMessage> messages, IReadOnlyList<CompletedTask> tasks, CancellationToken cancellationToken)
    {
        var written = await AppendAsync("portal_payments", payments.Select(p => new[] { p.EventId, p.ContactExternalId, p.PaymentId, p.InvoiceExternalId, p.InvoiceNumber, p.Amount, p.Currency, p.ReceivedOn, p.Method, p.OccurredAt.ToString("O") }), cancellationToken);
        written += await AppendAsync("portal_messages", messages.Select(m => new[] { m.EventId, m.ContactExternalId, m.ThreadId, m.Subject, m.Sender, m.Text, m.OccurredAt.ToString("O") }), cancellationToken);
        written += await AppendAsync("portal_tasks", tasks.Select(t => new[] { t.EventId, t.ContactExternalId, t.TaskId, t.Title, t.CompletedAt, t.OccurredAt.ToString("O") }), cancellationToken);
        return written;
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected override async Task<IReadOnlyList<PracticeRow>> ReadTableAsync(string table, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, table + ".csv");
        if (!File.Exists(path))
        {
            return [];
        }

        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, Format);
        var rows = new List<PracticeRow>();
        if (!await csv.ReadAsync() || !csv.ReadHeader())
        {
            return rows;
        }

        var header = csv.HeaderRecord!;
        while (await csv.ReadAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length; i++)
            {
                values[header[i].Trim()] = csv.TryGetField<string>(i, out var value) ? value : null;
            }

            rows.Add(new PracticeRow(values));
        }

        return rows;
    }

    private async Task<int> AppendAsync(string table, IEnumerable<string?[]> records, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, table + ".csv");
        var known = (await ReadTableAsync(table, cancellationToken)).Select(r => r.Required("event_id")).ToHashSet(StringComparer.Ordinal);
        var fresh = records.Where(r => known.Add(r[0] ?? "")).ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }

        var isNew = !File.Exists(path);
        await using var writer = new StreamWriter(path, append: true);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        if (isNew)
        {
            foreach (var column in PracticeSchema.WriteBackTables[table])
            {
                csv.WriteField(column);
            }

            await csv.NextRecordAsync();
        }

        foreach (var record in fresh)
        {
            foreach (var value in record)
            {
                csv.WriteField(value);
            }

            await csv.NextRecordAsync();
        }

        return fresh.Count;
    }
}
