using System.Globalization;
using System.Text;
using Portal.Reports.Models;

namespace Portal.Reports.Journals;

/// <summary>
/// QuickBooks Desktop IIF: tab-separated, the three heading rows (!TRNS, !SPL, !ENDTRNS), then per
/// entry a TRNS row, SPL rows and ENDTRNS; type GENERAL JOURNAL, dates M/D/YYYY (written MM/DD/YYYY),
/// debits positive and credits negative, the customer in NAME on the receivable line, the payment's
/// reference in DOCNUM. Windows-1252, as QuickBooks Desktop reads it.
/// </summary>
public sealed class QuickBooksDesktopIif : JournalFileWriter
{
    private const string Columns = "TRNSTYPE\tDATE\tACCNT\tNAME\tAMOUNT\tDOCNUM\tMEMO";

    public override JournalFileFormat Format => JournalFileFormat.QuickBooksDesktopIif;

    public override string FileExtension => ".iif";

    public override string ContentType => "text/plain; charset=windows-1252";

    protected override Encoding Encoding => WindowsAnsi;

    protected override IReadOnlyList<string> Heading => ["!TRNS\t" + Columns, "!SPL\t" + Columns, "!ENDTRNS"];

    protected override IEnumerable<string> Lines(JournalEntry entry, AccountMapping mapping)
    {
        var date = entry.Date.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture);
        for (var i = 0; i < entry.Lines.Count; i++)
        {
            var line = entry.Lines[i];
            yield return string.Join('\t',
                i == 0 ? "TRNS" : "SPL",
                "GENERAL JOURNAL",
                date,
                OneLine(mapping.NameOf(line.Account)),
                OneLine(line.Name),
                MinorUnits.Format(line.Amount),
                OneLine(entry.Reference),
                OneLine(line.Memo));
        }

        yield return "ENDTRNS";
    }
}
