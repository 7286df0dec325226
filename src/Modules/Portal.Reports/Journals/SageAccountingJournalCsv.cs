using System.Globalization;
using System.Text;
using Portal.Reports.Models;
using Portal.Reports.Services;

namespace Portal.Reports.Journals;

/// <summary>
/// Sage Accounting (cloud, Canada) journal import: Reference (at most 75 characters; groups the rows
/// of one journal, so it starts with the entry's number), Date (MM/DD/YYYY), Description (at most 200),
/// Ledger Account Number, Details (the line's memo, with the customer on the receivable line), Debit,
/// Credit. A file may be at most 0.5 MB: beyond that the entries go into several files in a zip.
/// Sage's optional analysis and tax columns are left out (nothing here is taxable).
/// </summary>
public sealed class SageAccountingJournalCsv : JournalFileWriter
{
    public const int ReferenceMaxLength = 75;
    public const int DescriptionMaxLength = 200;

    /// <summary>0.5 MB read as 500,000 bytes, the stricter of the two readings.</summary>
    public const int MaxBytes = 500_000;

    public override JournalFileFormat Format => JournalFileFormat.SageAccountingCsv;

    public override string FileExtension => ".csv";

    public override string ContentType => "text/csv; charset=utf-8";

    protected override Encoding Encoding => Utf8;

    protected override int? MaxBytesPerFile => MaxBytes;

    protected override IReadOnlyList<string> Heading => ["Reference,Date,Description,Ledger Account Number,Details,Debit,Credit"];

    protected override IEnumerable<string> Lines(JournalEntry entry, AccountMapping mapping)
    {
        var reference = Cut(OneLine($"{entry.Number.ToString(CultureInfo.InvariantCulture)} {entry.Reference}"), ReferenceMaxLength);
        var date = entry.Date.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture);
        var description = Cut(OneLine(entry.Narration), DescriptionMaxLength);
        foreach (var line in entry.Lines)
        {
            yield return string.Join(',',
                CsvField.Text(reference),
                date,
                CsvField.Text(description),
                mapping.NumberOf(line.Account),
                CsvField.Text(Cut(OneLine(line.Name is null ? line.Memo : $"{line.Memo} ({line.Name})"), DescriptionMaxLength)),
                line.Debit > 0 ? MinorUnits.Format(line.Debit) : "",
                line.Credit > 0 ? MinorUnits.Format(line.Credit) : "");
        }
    }
}
