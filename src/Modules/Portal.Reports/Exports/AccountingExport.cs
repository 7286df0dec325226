using Portal.Reports.Journals;

namespace Portal.Reports.Exports;

/// <summary>
/// One accounting import file the practice made: for which program, when and by whom, what it covered,
/// and the file itself: its bytes are kept, as written, in <see cref="AccountingExportChunk"/> rows so a
/// re-download is the same bytes, and neither the writing nor the download holds the whole file.
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

    /// <summary>The file's length in bytes (the sum of its chunks).</summary>
    public long Size { get; set; }

    public string Sha256 { get; set; } = "";
}
