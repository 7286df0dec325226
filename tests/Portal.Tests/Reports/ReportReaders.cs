using System.Globalization;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Portal.Tests.Reports;

/// <summary>
/// Reads each report format back into the same shape: rows of cells as text, with dates as
/// yyyy-MM-dd and amounts as invariant decimals with two places, so the formats can be compared.
/// </summary>
internal static class ReportReaders
{
    private static readonly int[] MoneyColumns = [4, 5, 6];

    public static List<string[]> Csv(byte[] bytes)
    {
        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "the CSV starts with a UTF-8 byte order mark");
        return CsvRecords(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }

    /// <summary>The records of a CSV text, through the suite's strict RFC 4180 reader.</summary>
    public static List<string[]> CsvRecords(string text) => [.. Audit.Csv.Parse(text).Select(record => record.ToArray())];

    /// <summary>The JSON report as rows (the heading row first, like the other formats) then totals rows.</summary>
    public static List<string[]> Json(byte[] bytes, IReadOnlyList<string> headings)
    {
        using var document = JsonDocument.Parse(bytes);
        var rows = new List<string[]> { headings.ToArray() };
        foreach (var row in document.RootElement.GetProperty("rows").EnumerateArray())
        {
            rows.Add(
            [
                row.GetProperty("date").GetString()!,
                row.GetProperty("client").GetString()!,
                row.GetProperty("invoiceNumber").GetString() ?? "",
                row.GetProperty("description").GetString() ?? "",
                Money(row.GetProperty("gross")),
                Money(row.GetProperty("fee")),
                Money(row.GetProperty("net")),
                row.GetProperty("currency").GetString()!,
                row.GetProperty("status").GetString()!,
                row.GetProperty("method").GetString()!,
                row.GetProperty("processorReference").GetString() ?? "",
                row.GetProperty("requestedBy").GetString() ?? "",
            ]);
        }

        foreach (var total in document.RootElement.GetProperty("totals").EnumerateArray())
        {
            var count = total.GetProperty("count").GetInt32();
            rows.Add(
            [
                "Total", "", "", count == 1 ? "1 payment" : $"{count} payments",
                Money(total.GetProperty("gross")), Money(total.GetProperty("fee")), Money(total.GetProperty("net")),
                total.GetProperty("currency").GetString()!, "", "", "", "",
            ]);
        }

        return rows;
    }

    /// <summary>The sheet's cells by reference; a date cell (date style) becomes yyyy-MM-dd, a money cell its value with two decimals.</summary>
    public static List<string[]> Xlsx(byte[] bytes, int columns)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var sheet = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().Single().Id!);
        var rows = new List<string[]>();
        foreach (var row in sheet.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>())
        {
            var cells = Enumerable.Repeat("", columns).ToArray();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference!.Value![0] - 'A';
                var numberFormat = cell.StyleIndex is { } style ? formats[(int)style.Value].NumberFormatId!.Value : 0u;
                cells[column] = cell.DataType?.Value == CellValues.InlineString
                    ? cell.InlineString?.Text?.Text ?? ""
                    : numberFormat switch
                    {
                        165 => DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture))).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        164 => decimal.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture).ToString("0.00", CultureInfo.InvariantCulture),
                        _ => throw new InvalidOperationException($"cell {cell.CellReference} is a number without a date or money format"),
                    };
            }

            rows.Add(cells);
        }

        return rows;
    }

    public static bool IsMoneyColumn(int column) => MoneyColumns.Contains(column);

    private static string Money(JsonElement value)
    {
        // Two decimals as written: 100.00, not 100.
        var raw = value.GetRawText();
        Assert.Matches(@"^-?\d+\.\d\d$", raw);
        return raw;
    }
}
