using System.IO.Compression;
using System.Text;
using Portal.Reports.Journals;

namespace Portal.Tests.Reports;

/// <summary>Over Xero's 300 lines or Sage's 0.5 MB a file, the entries go into several files in a zip, whole and balanced.</summary>
public sealed class JournalFileLimitsTests
{
    [Fact]
    public async Task Xero_over_300_lines_is_a_zip_of_files_of_at_most_300_lines_with_every_entry_whole()
    {
        // 150 payments with a fee: 450 journal lines.
        var payments = Payments(150);
        var (bytes, result) = await JournalSamples.WriteAsync(new XeroManualJournalCsv(), payments);

        Assert.True(result.IsZip);
        Assert.Equal(150, result.Entries);
        var parts = Parts(bytes, new XeroManualJournalCsv());
        Assert.Equal(result.Parts, parts.Count);
        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.True(p.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length <= XeroManualJournalCsv.MaxLines));
        var entries = parts.SelectMany(p => JournalFileGoldenTests.Entries("xero", p)).ToList();
        Assert.Equal(150, entries.Count);
        Assert.All(entries, e => Assert.Equal(3, e.Lines.Count));
        Assert.All(entries, e => Assert.Equal(0m, e.Lines.Sum(l => l.Amount)));
    }

    [Fact]
    public async Task Xero_at_300_lines_is_one_csv_file()
    {
        // The heading and 299 lines of entries (148 two-line payments without a fee and one of three
        // lines with a fee): exactly 300; one line more is a zip.
        var payments = Payments(148, fee: 0).Append(Payments(1)[0]).ToList();
        var (bytes, result) = await JournalSamples.WriteAsync(new XeroManualJournalCsv(), payments);

        Assert.False(result.IsZip);
        Assert.Equal(300, Encoding.UTF8.GetString(bytes).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        var (_, over) = await JournalSamples.WriteAsync(new XeroManualJournalCsv(), [.. payments, Payments(1)[0]]);
        Assert.True(over.IsZip);
    }

    [Fact]
    public async Task Sage_over_half_a_megabyte_is_a_zip_of_files_under_it_with_every_entry_whole()
    {
        var payments = Payments(2500);
        var (bytes, result) = await JournalSamples.WriteAsync(new SageAccountingJournalCsv(), payments);

        Assert.True(result.IsZip);
        var writer = new SageAccountingJournalCsv();
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        Assert.All(zip.Entries, e => Assert.True(e.Length <= SageAccountingJournalCsv.MaxBytes, $"{e.FullName} is {e.Length} bytes"));
        var entries = Parts(bytes, writer).SelectMany(p => JournalFileGoldenTests.Entries("sage", p)).ToList();
        Assert.Equal(2500, entries.Count);
        Assert.All(entries, e => Assert.Equal(0m, e.Lines.Sum(l => l.Amount)));
        Assert.Equal("journal-1.csv", zip.Entries[0].FullName);
    }

    [Fact]
    public async Task Formats_without_a_cap_stay_one_file()
    {
        var (_, result) = await JournalSamples.WriteAsync(new QuickBooksOnlineJournalCsv(), Payments(2500));
        Assert.False(result.IsZip);
        Assert.Equal(2500, result.Entries);
    }

    private static List<AccountingTransaction> Payments(int count, long fee = 320)
        => [.. Enumerable.Range(0, count).Select(i => new AccountingTransaction(
            AccountingTransactionKind.Payment, new DateOnly(2026, 3, 1).AddDays(i % 28), $"Client number {i} of a long list of clients", $"INV-{i:D5}", $"pi_3QxYz{i:D12}", 10_000 + i, fee, "CAD"))];

    private static List<string> Parts(byte[] zipBytes, JournalFileWriter writer)
    {
        using var zip = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read);
        return [.. zip.Entries.Select((e, i) =>
        {
            Assert.Equal(writer.PartName(i + 1), e.FullName);
            using var reader = new StreamReader(e.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        })];
    }
}
