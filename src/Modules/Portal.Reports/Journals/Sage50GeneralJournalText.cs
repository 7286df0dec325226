using System.Globalization;
using System.Text;
using Portal.Reports.Models;

namespace Portal.Reports.Journals;

/// <summary>
/// Sage 50 Canadian Edition's general journal text import: each entry starts with
/// <c>mm-dd-yy,"source","comment"</c> (source at most 20 characters: the payment's reference), then a
/// line <c>account#,amount,"comment"</c> per account, debits positive and credits negative with two
/// decimals. Entries follow one another in the file. Windows-1252, as Sage 50 reads it; a double
/// quote inside a comment would end it, so it becomes a single quote.
/// </summary>
public sealed class Sage50GeneralJournalText : JournalFileWriter
{
    public const int SourceMaxLength = 20;

    public override JournalFileFormat Format => JournalFileFormat.Sage50Text;

    public override string FileExtension => ".txt";

    public override string ContentType => "text/plain; charset=windows-1252";

    protected override Encoding Encoding => WindowsAnsi;

    protected override IReadOnlyList<string> Heading => [];

    protected override IEnumerable<string> Lines(JournalEntry entry, AccountMapping mapping)
    {
        yield return string.Join(',',
            entry.Date.ToString("MM-dd-yy", CultureInfo.InvariantCulture),
            Quoted(Cut(OneLine(entry.Reference), SourceMaxLength)),
            Quoted(entry.Narration));
        foreach (var line in entry.Lines)
        {
            yield return string.Join(',',
                mapping.NumberOf(line.Account),
                MinorUnits.Format(line.Amount),
                Quoted(line.Name is null ? line.Memo : $"{line.Memo} ({line.Name})"));
        }
    }

    private static string Quoted(string value) => "\"" + OneLine(value).Replace('"', '\'') + "\"";
}
