using System.Diagnostics;
using System.Globalization;
using Portal.Reports.Models;
using Portal.Reports.Services;

namespace Portal.Tests.Reports;

/// <summary>
/// The workbook opens in a real spreadsheet program: LibreOffice Calc (headless; installed by the test
/// services script) converts the payment report to CSV, and every row and amount comes back as written.
/// </summary>
public sealed class LibreOfficeWorkbookTests
{
    private static readonly PaymentReportRow[] Rows =
    [
        new(new DateOnly(2026, 3, 15), "Smith Co", "INV-42", "March bookkeeping", 10_000, 320, "CAD", PaymentReportStatus.Paid, "Card", "pi_123", "Jane Accountant"),
        new(new DateOnly(2026, 3, 16), "Tremblay & Fils, Inc.", "INV-43", "Year end, \"final\"", 25_000, 0, "CAD", PaymentReportStatus.Paid, "Cheque", "CHQ 1044", null),
        new(new DateOnly(2026, 3, 17), "Café Lumière", null, null, 50_000, 1_480, "CAD", PaymentReportStatus.PartlyRefunded, "Card", "pi_456", "Marc Côté"),
        new(new DateOnly(2026, 3, 19), "=HYPERLINK(\"http://x\")", "INV-46", "-2+3", 1_234_567, 35_832, "USD", PaymentReportStatus.Pending, "Card", "@pi_000", "Jane Accountant"),
    ];

    [Fact]
    public async Task LibreOffice_reads_every_row_name_and_amount_of_the_workbook()
    {
        var folder = Directory.CreateTempSubdirectory("portal-xlsx-");
        try
        {
            var workbook = Path.Combine(folder.FullName, "payments.xlsx");
            await using (var file = File.Create(workbook))
            {
                await new PaymentReportXlsx().WriteAsync(AsyncRows(), file, CancellationToken.None);
            }

            await ConvertToCsvAsync(workbook, folder.FullName);

            // LibreOffice ends its CSV lines with LF; the suite's reader is RFC 4180's (CRLF). No field here holds a line break.
            var rows = ReportReaders.CsvRecords((await File.ReadAllTextAsync(Path.Combine(folder.FullName, "payments.csv"))).ReplaceLineEndings("\r\n"));
            Assert.Equal(PaymentReportColumns.Headings, rows[0]);
            var data = rows.Skip(1).Take(Rows.Length).ToList();
            Assert.Equal(Rows.Select(r => r.Client), data.Select(r => r[1]));
            Assert.Equal(Rows.Select(r => r.Gross / 100m), data.Select(r => decimal.Parse(r[4], CultureInfo.InvariantCulture)));
            Assert.Equal(Rows.Select(r => (r.Gross - r.Fee) / 100m), data.Select(r => decimal.Parse(r[6], CultureInfo.InvariantCulture)));
            Assert.Equal(["Total", "CAD", "Total", "USD"], rows.Skip(1 + Rows.Length).SelectMany(r => new[] { r[0], r[7] }));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task ConvertToCsvAsync(string workbook, string outputFolder)
    {
        // A profile of its own, so a LibreOffice running elsewhere (or a parallel test) does not hold the lock.
        var profile = new Uri(Path.Combine(outputFolder, "profile")).AbsoluteUri;
        var start = new ProcessStartInfo("soffice")
        {
            ArgumentList = { $"-env:UserInstallation={profile}", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", outputFolder, workbook },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0 && File.Exists(Path.Combine(outputFolder, "payments.csv")), $"soffice exited {process.ExitCode}: {await output} {await errors}");
    }

    private static async IAsyncEnumerable<PaymentReportRow> AsyncRows()
    {
        foreach (var row in Rows)
        {
            await Task.Yield();
            yield return row;
        }
    }
}
