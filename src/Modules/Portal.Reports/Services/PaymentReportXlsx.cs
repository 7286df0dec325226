using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Portal.Reports.Models;

namespace Portal.Reports.Services;

/// <summary>
/// The report as an Excel workbook, written row by row with the Open XML SDK's streaming
/// <see cref="OpenXmlWriter"/> (ClosedXML builds the whole sheet in memory: bench/README.md). One sheet,
/// a bold heading row frozen above the rows, dates as dates, amounts as numbers shown with two
/// decimals, then a bold totals row per currency (values, not formulas: a formula has no cached value
/// until a spreadsheet program recalculates it). Text is written as inline strings, so no shared
/// string table grows with the rows, and a cell is never a formula, whatever a client's name starts with.
/// </summary>
/// <remarks>
/// The package is built in a temporary file and then copied to the output: the SDK writes
/// synchronously, which a response body refuses.
/// </remarks>
public sealed class PaymentReportXlsx : IPaymentReportWriter
{
    public const string SheetName = "Payments";

    // Style indexes into the stylesheet below (cellXfs order).
    private const uint DateStyle = 1;
    private const uint MoneyStyle = 2;
    private const uint BoldStyle = 3;
    private const uint BoldMoneyStyle = 4;

    private static readonly DateOnly SpreadsheetEpoch = new(1899, 12, 30);
    private static readonly double[] ColumnWidths = [12, 30, 16, 36, 13, 11, 13, 10, 15, 12, 30, 22];

    public PaymentReportFormat Format => PaymentReportFormat.Xlsx;

    public string ContentType => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public string FileExtension => ".xlsx";

    public async Task WriteAsync(IAsyncEnumerable<PaymentReportRow> rows, Stream output, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), "portal-report-" + Guid.NewGuid().ToString("N") + ".xlsx");
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024))
            {
                await WritePackageAsync(rows, file, cancellationToken);
            }

            await using var written = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await written.CopyToAsync(output, cancellationToken);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task WritePackageAsync(IAsyncEnumerable<PaymentReportRow> rows, Stream file, CancellationToken cancellationToken)
    {
        // The zip is written part by part in create mode, so the sheet streams straight into it; the
        // SDK's own package (SpreadsheetDocument) keeps each part in memory until it is saved, which
        // grew with the rows, and refuses a write-only package.
        using var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true);
        WriteText(zip, "[Content_Types].xml", ContentTypes);
        WriteText(zip, "_rels/.rels", PackageRelationships);
        WriteText(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships);
        WritePart(zip, "xl/workbook.xml", new Workbook(new Sheets(new Sheet { Name = SheetName, SheetId = 1, Id = "rId1" })));
        WritePart(zip, "xl/styles.xml", Stylesheet());
        using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal).Open();
        using var writer = OpenXmlWriter.Create(sheet);
        writer.WriteStartDocument(true);
        writer.WriteStartElement(new Worksheet(), [], [new("r", RelationshipsNamespace)]);
        writer.WriteElement(FrozenHeading());
        writer.WriteElement(Columns());
        writer.WriteStartElement(new SheetData());
        uint index = 1;
        WriteRow(writer, index++, [.. PaymentReportColumns.Headings.Select(h => TextCell(h, BoldStyle))]);
        var totals = new PaymentReportTotals();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            totals.Add(row);
            WriteRow(writer, index++, Cells(row));
        }

        foreach (var total in totals.ByCurrency)
        {
            WriteRow(writer, index++, Cells(total));
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.Close();
    }

    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private const string ContentTypes =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"""
        + """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"""
        + """<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"""
        + """<Default Extension="xml" ContentType="application/xml"/>"""
        + """<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"""
        + """<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"""
        + """<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"""
        + "</Types>";

    private const string PackageRelationships =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"""
        + """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"""
        + """<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"""
        + "</Relationships>";

    private const string WorkbookRelationships =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"""
        + """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"""
        + """<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>"""
        + """<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"""
        + "</Relationships>";

    private static void WriteText(ZipArchive zip, string name, string xml)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(Encoding.UTF8.GetBytes(xml));
    }

    private static void WritePart(ZipArchive zip, string name, OpenXmlElement root)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument(true);
        writer.WriteElement(root);
        writer.Close();
    }

    private static Cell[] Cells(PaymentReportRow row) =>
    [
        new Cell { StyleIndex = DateStyle, CellValue = new CellValue((row.Date.DayNumber - SpreadsheetEpoch.DayNumber).ToString(CultureInfo.InvariantCulture)) },
        TextCell(ReportText.Clean(row.Client)),
        TextCell(ReportText.Clean(row.InvoiceNumber)),
        TextCell(ReportText.Clean(row.Description)),
        MoneyCell(row.Gross, MoneyStyle),
        MoneyCell(row.Fee, MoneyStyle),
        MoneyCell(row.Net, MoneyStyle),
        TextCell(ReportText.Clean(row.Currency)),
        TextCell(PaymentReportColumns.StatusText(row.Status)),
        TextCell(ReportText.Clean(row.Method)),
        TextCell(ReportText.Clean(row.ProcessorReference)),
        TextCell(ReportText.Clean(row.RequestedBy)),
    ];

    private static Cell[] Cells(CurrencyTotal total) =>
    [
        TextCell(PaymentReportColumns.TotalLabel, BoldStyle),
        TextCell(null),
        TextCell(null),
        TextCell(PaymentReportColumns.CountText(total.Count), BoldStyle),
        MoneyCell(total.Gross, BoldMoneyStyle),
        MoneyCell(total.Fee, BoldMoneyStyle),
        MoneyCell(total.Net, BoldMoneyStyle),
        TextCell(total.Currency, BoldStyle),
    ];

    private static void WriteRow(OpenXmlWriter writer, uint index, Cell[] cells)
    {
        writer.WriteStartElement(new Row { RowIndex = index });
        for (var column = 0; column < cells.Length; column++)
        {
            if (cells[column] is { } cell && (cell.CellValue is not null || cell.InlineString is not null))
            {
                cell.CellReference = ColumnName(column) + index.ToString(CultureInfo.InvariantCulture);
                writer.WriteElement(cell);
            }
        }

        writer.WriteEndElement();
    }

    private static Cell TextCell(string? text, uint style = 0)
    {
        var cell = new Cell { DataType = CellValues.InlineString };
        if (style != 0)
        {
            cell.StyleIndex = style;
        }

        if (!string.IsNullOrEmpty(text))
        {
            cell.InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        }

        return cell;
    }

    private static Cell MoneyCell(long amount, uint style)
        => new() { StyleIndex = style, CellValue = new CellValue(MinorUnits.Format(amount)) };

    private static string ColumnName(int column) => ((char)('A' + column)).ToString();

    private static SheetViews FrozenHeading() => new(new SheetView(
        new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
        new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
    { TabSelected = true, WorkbookViewId = 0 });

    private static Columns Columns()
        => new([.. ColumnWidths.Select((width, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = width, CustomWidth = true })]);

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.00" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd" })
        { Count = 2 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }))
        { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 165, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true, ApplyFont = true })
        { Count = 5 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
}
