using Portal.Reports.Journals;

namespace Portal.Reports.Exports;

/// <summary>
/// One accounting import file the practice made: for which program, when and by whom, what it covered,
/// and the file itself (<see cref="Content"/>, kept as written so a re-download is the same bytes).
/// </summary>
public sealed class AccountingExport
{
    public const int FileNameMaxLength = 200;
    public const int ContentTypeMaxLength = 100;
    public const int NameMaxLength = 320;

    public Guid Id { get; set; }

    public JournalFileFormat Program { get; set; }

    public DateTime CreatedAt { get; set; }

    public Guid? CreatedBy { get; set; }

    public string? CreatedByName { get; set; }

    /// <summary>Null for "only what was not exported yet"; otherwise the date range asked for (still only what was not exported yet within it).</summary>
    public DateOnly? RangeFrom { get; set; }

    public DateOnly? RangeTo { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public int EntryCount { get; set; }

    /// <summary>Number of the file's first entry: entries of one program are numbered on from export to export.</summary>
    public long FirstEntryNumber { get; set; }

    public byte[] Content { get; set; } = [];

    public string Sha256 { get; set; } = "";
}
