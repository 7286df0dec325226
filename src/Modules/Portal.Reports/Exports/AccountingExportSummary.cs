using Portal.Reports.Journals;

namespace Portal.Reports.Exports;

/// <summary>A line of the export history: everything but the file's bytes.</summary>
public sealed record AccountingExportSummary(
    Guid Id,
    JournalFileFormat Program,
    DateTime CreatedAt,
    string? CreatedByName,
    DateOnly? RangeFrom,
    DateOnly? RangeTo,
    string FileName,
    int EntryCount,
    long Size);
