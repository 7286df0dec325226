using System.Globalization;
using System.Text;
using Portal.Reports.Journals;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Reports;

/// <summary>
/// Each import format, for the fixed samples, is byte for byte its golden file (checked by hand
/// against ../shared/specs/accounting-exports.md), and each file read back the way its program reads
/// it has balanced entries, the spec's date format and debits and credits on the right side.
/// </summary>
public sealed class JournalFileGoldenTests
{
    private static readonly Encoding WindowsAnsi = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    public static TheoryData<string> Formats => new() { "iif", "qbo", "sage", "sage50", "xero" };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task The_file_is_its_golden_file(string format)
    {
        var (writer, golden, _) = For(format);
        var (bytes, result) = await JournalSamples.WriteAsync(writer);

        Assert.Equal(6, result.Entries);
        Assert.False(result.IsZip);
        var expected = await File.ReadAllBytesAsync(Path.Combine(SourceTree.Root, "tests", "Portal.Tests", "Reports", "Golden", golden));
        Assert.Equal(Decode(format, expected), Decode(format, bytes));
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Every_entry_in_the_golden_file_balances_with_the_dates_and_signs_of_the_spec(string format)
    {
        var (_, golden, _) = For(format);
        var text = Decode(format, await File.ReadAllBytesAsync(Path.Combine(SourceTree.Root, "tests", "Portal.Tests", "Reports", "Golden", golden)));
        var entries = Entries(format, text);

        Assert.Equal(6, entries.Count);
        Assert.All(entries, e => Assert.Equal(0m, e.Lines.Sum(l => l.Amount)));

        // The first entry: 2026-03-15, Dr clearing 96.80, Dr fees 3.20, Cr receivable 100.00 for Smith Co.
        var first = entries[0];
        Assert.Equal(format switch
        {
            "iif" or "qbo" or "sage" => "03/15/2026",
            "sage50" => "03-15-26",
            _ => "15/03/2026",
        }, first.Date);
        Assert.Equal([96.80m, 3.20m, -100.00m], first.Lines.Select(l => l.Amount));
        Assert.Equal(format is "iif" or "qbo" ? ["Stripe Clearing", "Merchant Fees", "Accounts Receivable"] : ["1065", "5790", "1200"], first.Lines.Select(l => l.Account));
        Assert.Contains("Smith Co", first.Lines[2].Customer);

        // The full refund (last entry) reverses: Cr clearing, Dr receivable.
        Assert.Equal([-75.00m, 75.00m], entries[^1].Lines.Select(l => l.Amount));
        Assert.Equal(format switch
        {
            "iif" or "qbo" or "sage" => "03/21/2026",
            "sage50" => "03-21-26",
            _ => "21/03/2026",
        }, entries[^1].Date);
    }

    [Fact]
    public async Task Quickbooks_online_takes_the_company_date_format_from_the_mapping()
    {
        var (bytes, _) = await JournalSamples.WriteAsync(new QuickBooksOnlineJournalCsv(), mapping: new AccountMapping { QuickBooksOnlineDateFormat = "dd/MM/yyyy" });
        Assert.Equal("15/03/2026", ReportReaders.CsvRecords(Encoding.UTF8.GetString(bytes))[1][1]);
    }

    internal static (JournalFileWriter Writer, string Golden, string Unused) For(string format) => format switch
    {
        "iif" => (new QuickBooksDesktopIif(), "quickbooks-desktop.iif", ""),
        "qbo" => (new QuickBooksOnlineJournalCsv(), "quickbooks-online-journal.csv", ""),
        "sage" => (new SageAccountingJournalCsv(), "sage-accounting-journal.csv", ""),
        "sage50" => (new Sage50GeneralJournalText(), "sage50-general-journal.txt", ""),
        "xero" => (new XeroManualJournalCsv(), "xero-manual-journal.csv", ""),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    internal static string Decode(string format, byte[] bytes) => (format is "iif" or "sage50" ? WindowsAnsi : Encoding.UTF8).GetString(bytes);

    internal sealed record ReadLine(string Account, decimal Amount, string Customer);

    internal sealed record ReadEntry(string Date, List<ReadLine> Lines);

    /// <summary>Groups a file's lines into entries the way the program does, with debits positive.</summary>
    internal static List<ReadEntry> Entries(string format, string text)
    {
        var entries = new List<ReadEntry>();
        switch (format)
        {
            case "iif":
                {
                    var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
                    Assert.Equal("!TRNS\tTRNSTYPE\tDATE\tACCNT\tNAME\tAMOUNT\tDOCNUM\tMEMO", lines[0]);
                    Assert.Equal("!SPL\tTRNSTYPE\tDATE\tACCNT\tNAME\tAMOUNT\tDOCNUM\tMEMO", lines[1]);
                    Assert.Equal("!ENDTRNS", lines[2]);
                    ReadEntry? current = null;
                    foreach (var line in lines.Skip(3))
                    {
                        var f = line.Split('\t');
                        if (f[0] == "ENDTRNS")
                        {
                            entries.Add(current!);
                            current = null;
                            continue;
                        }

                        Assert.Equal(current is null ? "TRNS" : "SPL", f[0]);
                        Assert.Equal("GENERAL JOURNAL", f[1]);
                        current ??= new ReadEntry(f[2], []);
                        Assert.Equal(current.Date, f[2]);
                        current.Lines.Add(new ReadLine(f[3], decimal.Parse(f[5], CultureInfo.InvariantCulture), f[4]));
                    }

                    Assert.Null(current);
                    break;
                }

            case "qbo":
                {
                    var records = ReportReaders.CsvRecords(text);
                    Assert.Equal(["Journal No.", "Journal Date", "Account Name", "Description", "Debits", "Credits", "Name"], records[0]);
                    foreach (var group in records.Skip(1).GroupBy(r => r[0]))
                    {
                        entries.Add(new ReadEntry(group.First()[1], [.. group.Select(r =>
                        {
                            Assert.True((r[4] == "") != (r[5] == ""), "an amount sits in Debits or in Credits, the other blank");
                            return new ReadLine(r[2], r[4] != "" ? decimal.Parse(r[4], CultureInfo.InvariantCulture) : -decimal.Parse(r[5], CultureInfo.InvariantCulture), r[6]);
                        })]));
                    }

                    break;
                }

            case "sage":
                {
                    var records = ReportReaders.CsvRecords(text);
                    Assert.Equal(["Reference", "Date", "Description", "Ledger Account Number", "Details", "Debit", "Credit"], records[0]);
                    foreach (var group in records.Skip(1).GroupBy(r => r[0]))
                    {
                        Assert.True(group.Key.Length <= 75);
                        Assert.All(group, r => Assert.True(r[2].Length <= 200));
                        entries.Add(new ReadEntry(group.First()[1], [.. group.Select(r =>
                        {
                            Assert.True((r[5] == "") != (r[6] == ""), "an amount sits in Debit or in Credit, the other blank");
                            return new ReadLine(r[3], r[5] != "" ? decimal.Parse(r[5], CultureInfo.InvariantCulture) : -decimal.Parse(r[6], CultureInfo.InvariantCulture), r[4]);
                        })]));
                    }

                    break;
                }

            case "sage50":
                foreach (var line in text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
                {
                    var f = ReportReaders.CsvRecords(line + "\r\n")[0];
                    if (f.Length == 3 && f[0].Length == 8 && f[0][2] == '-')
                    {
                        Assert.True(f[1].Length <= 20, "source at most 20 characters");
                        entries.Add(new ReadEntry(f[0], []));
                    }
                    else
                    {
                        Assert.Matches(@"^-?\d+\.\d\d$", f[1]);
                        entries[^1].Lines.Add(new ReadLine(f[0], decimal.Parse(f[1], CultureInfo.InvariantCulture), f[2]));
                    }
                }

                break;

            default:
                {
                    var records = ReportReaders.CsvRecords(text);
                    Assert.Equal(["Narration", "Date", "Description", "AccountCode", "TaxRate", "Amount", "TrackingName1", "TrackingOption1", "TrackingName2", "TrackingOption2"], records[0]);
                    foreach (var group in records.Skip(1).GroupBy(r => (r[0], r[1])))
                    {
                        Assert.All(group, r => Assert.Equal("Tax Exempt", r[4]));
                        entries.Add(new ReadEntry(group.Key.Item2, [.. group.Select(r => new ReadLine(r[3], decimal.Parse(r[5], CultureInfo.InvariantCulture), r[2]))]));
                    }

                    break;
                }
        }

        return entries;
    }
}
