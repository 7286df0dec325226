using System.Diagnostics;
using System.Globalization;
using ClosedXML.Excel;

// The rows of bench/reports/writers, through ClosedXML:
//   dotnet bin/.../Portal.Bench.Reports.ClosedXml.dll [rows=100000] [file]
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var path = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "bench-report-closedxml.xlsx");
string[] headings = ["Date", "Client", "Invoice number", "Description", "Gross", "Fee", "Net", "Currency", "Status", "Method", "Processor reference", "Requested by"];
string[] statuses = ["Paid", "Pending", "Failed", "Refunded", "Partly refunded"];

var watch = Stopwatch.StartNew();
using (var workbook = new XLWorkbook())
{
    var sheet = workbook.Worksheets.Add("Payments");
    for (var c = 0; c < headings.Length; c++)
    {
        sheet.Cell(1, c + 1).Value = headings[c];
    }

    sheet.Row(1).Style.Font.Bold = true;
    sheet.SheetView.FreezeRows(1);
    var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
    decimal cad = 0, usd = 0;
    for (var i = 0; i < count; i++)
    {
        var gross = 10_000 + (i % 5000) * 37L;
        var fee = (gross * 29 / 1000) + 30;
        var r = i + 2;
        sheet.Cell(r, 1).Value = start.AddDays(i % 365);
        sheet.Cell(r, 2).Value = $"Client {i % 2000} Holdings Ltd.";
        sheet.Cell(r, 3).Value = $"INV-{i:D6}";
        sheet.Cell(r, 4).Value = $"Payment for invoice INV-{i:D6}";
        sheet.Cell(r, 5).Value = gross / 100m;
        sheet.Cell(r, 6).Value = fee / 100m;
        sheet.Cell(r, 7).Value = (gross - fee) / 100m;
        sheet.Cell(r, 8).Value = i % 10 == 0 ? "USD" : "CAD";
        sheet.Cell(r, 9).Value = statuses[i % 5];
        sheet.Cell(r, 10).Value = i % 3 == 0 ? "Cheque" : "Card";
        sheet.Cell(r, 11).Value = $"pi_3Q{i:D10}abcdefgh";
        sheet.Cell(r, 12).Value = i % 7 == 0 ? "" : "Jane Accountant";
        if (i % 10 == 0)
        {
            usd += gross / 100m;
        }
        else
        {
            cad += gross / 100m;
        }
    }

    sheet.Column(1).Style.NumberFormat.Format = "yyyy-mm-dd";
    sheet.Range(2, 5, count + 3, 7).Style.NumberFormat.Format = "#,##0.00";
    sheet.Cell(count + 2, 1).Value = "Total";
    sheet.Cell(count + 2, 5).Value = cad;
    sheet.Cell(count + 3, 1).Value = "Total";
    sheet.Cell(count + 3, 5).Value = usd;
    workbook.SaveAs(path);
}

watch.Stop();
var hwm = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
var peak = long.Parse(hwm.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
Console.WriteLine($"closedxml\t{count}\t{watch.Elapsed.TotalSeconds:F2} s\tpeak RSS {peak} MiB\t{new FileInfo(path).Length / 1024.0 / 1024.0:F1} MiB file\t{path}");
