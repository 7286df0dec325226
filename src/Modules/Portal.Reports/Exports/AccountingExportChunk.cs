namespace Portal.Reports.Exports;

/// <summary>
/// A piece of an export's file, numbered from 0 in the file's order. The file is written and read a
/// chunk at a time (a year of payments is tens of megabytes), and the chunks are written in the export's
/// transaction, so a failed export leaves no part of its file behind.
/// </summary>
public sealed class AccountingExportChunk
{
    public Guid ExportId { get; set; }

    public int Number { get; set; }

    public byte[] Data { get; set; } = [];
}
