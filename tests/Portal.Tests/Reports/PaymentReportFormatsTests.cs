using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Portal.Reports.Models;
using Portal.Reports.Services;

namespace Portal.Tests.Reports;

/// <summary>The xlsx, CSV and JSON reports of one fixed set of payments say the same, row for row and in the totals.</summary>
public sealed class PaymentReportFormatsTests
{
    private static readonly PaymentReportRow[] Rows =
    [
        new(new DateOnly(2026, 3, 15), "Smith Co", "INV-42", "March bookkeeping", 10_000, 320, "CAD", PaymentReportStatus.Paid, "Card", "pi_123", "Jane Accountant"),
        new(new DateOnly(2026, 3, 16), "Tremblay & Fils, Inc.", "INV-43", "Year end, \"final\"", 25_000, 0, "CAD", PaymentReportStatus.Paid, "Cheque", "CHQ 1044", null),
        new(new DateOnly(2026, 3, 17), "Café Lumière", null, null, 50_000, 1_480, "CAD", PaymentReportStatus.PartlyRefunded, "Card", "pi_456", "Marc Côté"),
        new(new DateOnly(2026, 3, 18), "Nguyen Family Trust", "INV-45", "Line one\r\nline two", 7_500, 248, "USD", PaymentReportStatus.Refunded, "Card", "pi_999", "Jane Accountant"),
        new(new DateOnly(2026, 3, 19), "=HYPERLINK(\"http://x\")", "INV-46", "-2+3", 1_234_567, 35_832, "USD", PaymentReportStatus.Pending, "Card", "@pi_000", "Jane Accountant"),
        new(new DateOnly(2026, 12, 31), "Smith Co", "INV-47", "", 1, 0, "CAD", PaymentReportStatus.Failed, "Card", "pi_777", "Jane Accountant"),
    ];

    private static readonly string[][] ExpectedTotals =
    [
        ["Total", "", "", "4 payments", "850.01", "18.00", "832.01", "CAD", "", "", "", ""],
        ["Total", "", "", "2 payments", "12420.67", "360.80", "12059.87", "USD", "", "", "", ""],
    ];

    [Fact]
    public async Task The_three_formats_agree_row_for_row_and_in_totals()
    {
        var csv = ReportReaders.Csv(await WriteAsync(new PaymentReportCsv()));
        var json = ReportReaders.Json(await WriteAsync(new PaymentReportJson()), PaymentReportColumns.Headings);
        var xlsx = ReportReaders.Xlsx(await WriteAsync(new PaymentReportXlsx()), PaymentReportColumns.Headings.Count);

        // The spreadsheet formats carry the apostrophe that keeps a formula-like text from running; JSON is data.
        var spreadsheetSafe = csv.Select(r => r.Select(Unneutralize).ToArray()).ToList();
        Assert.Equal(1 + Rows.Length + ExpectedTotals.Length, json.Count);
        Assert.Equal(json, spreadsheetSafe);
        Assert.Equal(json, xlsx);

        Assert.Equal(PaymentReportColumns.Headings, json[0]);
        for (var i = 0; i < Rows.Length; i++)
        {
            var row = Rows[i];
            Assert.Equal(
                [
                    row.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row.Client, row.InvoiceNumber ?? "", row.Description?.Replace("\r\n", "\n", StringComparison.Ordinal) ?? "",
                    MinorUnits.Format(row.Gross), MinorUnits.Format(row.Fee), MinorUnits.Format(row.Gross - row.Fee),
                    row.Currency, PaymentReportColumns.StatusText(row.Status), row.Method, row.ProcessorReference ?? "", row.RequestedBy ?? "",
                ],
                json[i + 1]);
        }

        Assert.Equal(ExpectedTotals, json.Skip(1 + Rows.Length));
    }

    [Fact]
    public async Task The_csv_neutralizes_text_that_a_spreadsheet_would_run_but_keeps_amounts_numbers()
    {
        var csv = ReportReaders.Csv(await WriteAsync(new PaymentReportCsv()));
        var hostile = csv[5];
        Assert.Equal("'=HYPERLINK(\"http://x\")", hostile[1]);
        Assert.Equal("'-2+3", hostile[3]);
        Assert.Equal("'@pi_000", hostile[10]);
        Assert.Equal("12345.67", hostile[4]);
        Assert.Equal("Tremblay & Fils, Inc.", csv[2][1]);
        // A line break is a line feed in every format: all an xlsx cell can keep.
        Assert.Equal("Line one\nline two", csv[4][3]);
    }

    [Fact]
    public async Task The_workbook_has_a_frozen_bold_heading_dates_as_dates_and_two_decimal_amounts()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(await WriteAsync(new PaymentReportXlsx())), false);
        var workbook = document.WorkbookPart!;
        var sheet = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().Single().Id!);
        var pane = sheet.Worksheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1d, pane.VerticalSplit!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);

        var styles = workbook.WorkbookStylesPart!.Stylesheet;
        var formats = styles.CellFormats!.Elements<CellFormat>().ToList();
        var codes = styles.NumberingFormats!.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value);
        var fonts = styles.Fonts!.Elements<Font>().ToList();
        var rows = sheet.Worksheet.Descendants<Row>().ToList();

        var heading = rows[0].Elements<Cell>().First();
        Assert.NotNull(fonts[(int)formats[(int)heading.StyleIndex!.Value].FontId!.Value].Bold);

        var first = rows[1].Elements<Cell>().ToList();
        Assert.Null(first[0].DataType);
        Assert.Equal("yyyy-mm-dd", codes[formats[(int)first[0].StyleIndex!.Value].NumberFormatId!.Value]);
        Assert.Equal(new DateTime(2026, 3, 15), DateTime.FromOADate(double.Parse(first[0].CellValue!.Text, CultureInfo.InvariantCulture)));
        Assert.Null(first[4].DataType);
        Assert.Equal("#,##0.00", codes[formats[(int)first[4].StyleIndex!.Value].NumberFormatId!.Value]);
        Assert.Equal(100m, decimal.Parse(first[4].CellValue!.Text, CultureInfo.InvariantCulture));

        var total = rows[^1].Elements<Cell>().ToList();
        Assert.Equal("Total", total[0].InlineString!.Text!.Text);
        Assert.NotNull(fonts[(int)formats[(int)total[0].StyleIndex!.Value].FontId!.Value].Bold);
        Assert.Empty(sheet.Worksheet.Descendants<CellFormula>());
    }

    [Fact]
    public async Task An_empty_report_has_the_heading_and_no_totals_in_every_format()
    {
        var none = AsyncRows([]);
        var csv = new MemoryStream();
        await new PaymentReportCsv().WriteAsync(none, csv, CancellationToken.None);
        Assert.Equal([PaymentReportColumns.Headings.ToArray()], ReportReaders.Csv(csv.ToArray()));

        var json = new MemoryStream();
        await new PaymentReportJson().WriteAsync(none, json, CancellationToken.None);
        using var parsed = JsonDocument.Parse(json.ToArray());
        Assert.Equal(0, parsed.RootElement.GetProperty("rows").GetArrayLength());
        Assert.Equal(0, parsed.RootElement.GetProperty("totals").GetArrayLength());

        var xlsx = new MemoryStream();
        await new PaymentReportXlsx().WriteAsync(none, xlsx, CancellationToken.None);
        Assert.Single(ReportReaders.Xlsx(xlsx.ToArray(), PaymentReportColumns.Headings.Count));
    }

    [Fact]
    public async Task A_control_character_in_a_name_does_not_break_the_workbook()
    {
        var xlsx = new MemoryStream();
        await new PaymentReportXlsx().WriteAsync(AsyncRows([Rows[0] with { Client = "Smith\u0001 Co" }]), xlsx, CancellationToken.None);
        Assert.Equal("Smith Co", ReportReaders.Xlsx(xlsx.ToArray(), PaymentReportColumns.Headings.Count)[1][1]);
    }

    [Theory]
    [InlineData("a\r\nb", "a\nb")]
    [InlineData("a\rb", "a\nb")]
    [InlineData("a\u0001b\u001Fc", "abc")]
    [InlineData("tab\tkept", "tab\tkept")]
    [InlineData("Café 🙂", "Café 🙂")]
    public void Report_text_keeps_what_every_format_can_hold(string value, string expected) => Assert.Equal(expected, ReportText.Clean(value));

    private static string Unneutralize(string cell) => cell.Length > 1 && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' ? cell[1..] : cell;

    private static async Task<byte[]> WriteAsync(IPaymentReportWriter writer)
    {
        var output = new MemoryStream();
        await writer.WriteAsync(AsyncRows(Rows), output, CancellationToken.None);
        return output.ToArray();
    }

    private static async IAsyncEnumerable<PaymentReportRow> AsyncRows(IEnumerable<PaymentReportRow> rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }
}
