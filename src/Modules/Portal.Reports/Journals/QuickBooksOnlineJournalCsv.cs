using System.Globalization;
using System.Text;
using Portal.Reports.Models;
using Portal.Reports.Services;

namespace Portal.Reports.Journals;

/// <summary>
/// QuickBooks Online's journal entry import: Journal No., Journal Date, Account Name, Description,
/// Debits, Credits, Name. Rows sharing a Journal No. form one entry; an amount sits in Debits or in
/// Credits with the other cell blank; Name (the customer) on the receivable line. The date is in the
/// company's format (<see cref="AccountMapping.QuickBooksOnlineDateFormat"/>, MM/dd/yyyy by default).
/// </summary>
public sealed class QuickBooksOnlineJournalCsv : JournalFileWriter
{
    public override JournalFileFormat Format => JournalFileFormat.QuickBooksOnlineCsv;

    public override string FileExtension => ".csv";

    public override string ContentType => "text/csv; charset=utf-8";

    protected override Encoding Encoding => Utf8;

    protected override IReadOnlyList<string> Heading => ["Journal No.,Journal Date,Account Name,Description,Debits,Credits,Name"];

    protected override IEnumerable<string> Lines(JournalEntry entry, AccountMapping mapping)
    {
        var date = entry.Date.ToString(mapping.QuickBooksOnlineDateFormat, CultureInfo.InvariantCulture);
        foreach (var line in entry.Lines)
        {
            yield return string.Join(',',
                entry.Number.ToString(CultureInfo.InvariantCulture),
                date,
                CsvField.Text(OneLine(mapping.NameOf(line.Account))),
                CsvField.Text(OneLine(line.Memo)),
                line.Debit > 0 ? MinorUnits.Format(line.Debit) : "",
                line.Credit > 0 ? MinorUnits.Format(line.Credit) : "",
                CsvField.Text(OneLine(line.Name)));
        }
    }
}
