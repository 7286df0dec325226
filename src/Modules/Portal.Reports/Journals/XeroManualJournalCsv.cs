using System.Globalization;
using System.Text;
using Portal.Reports.Models;
using Portal.Reports.Services;

namespace Portal.Reports.Journals;

/// <summary>
/// Xero's manual journal import: Narration (rows sharing Narration and Date form one journal, so the
/// narration starts with the entry's number), Date (dd/mm/yyyy), Description (the line's memo, with the
/// customer on the receivable line), AccountCode, TaxRate (the mapping's), Amount (debit positive,
/// credit negative), and the tracking columns left empty. Xero takes at most 300 lines a file (the
/// heading counted, to be safe): beyond that the entries go into several files in a zip.
/// </summary>
public sealed class XeroManualJournalCsv : JournalFileWriter
{
    public const int MaxLines = 300;

    public override JournalFileFormat Format => JournalFileFormat.XeroCsv;

    public override string FileExtension => ".csv";

    public override string ContentType => "text/csv; charset=utf-8";

    protected override Encoding Encoding => Utf8;

    protected override int? MaxLinesPerFile => MaxLines;

    protected override IReadOnlyList<string> Heading =>
        ["Narration,Date,Description,AccountCode,TaxRate,Amount,TrackingName1,TrackingOption1,TrackingName2,TrackingOption2"];

    protected override IEnumerable<string> Lines(JournalEntry entry, AccountMapping mapping)
    {
        var narration = CsvField.Text(OneLine($"#{entry.Number.ToString(CultureInfo.InvariantCulture)} {entry.Narration}"));
        var date = entry.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        foreach (var line in entry.Lines)
        {
            yield return string.Join(',',
                narration,
                date,
                CsvField.Text(OneLine(line.Name is null ? line.Memo : $"{line.Memo} ({line.Name})")),
                mapping.NumberOf(line.Account),
                CsvField.Text(OneLine(mapping.XeroTaxRate)),
                MinorUnits.Format(line.Amount),
                "",
                "",
                "",
                "");
        }
    }
}
