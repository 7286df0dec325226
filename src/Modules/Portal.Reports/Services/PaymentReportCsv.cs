using System.Globalization;
using System.Text;
using Portal.Reports.Models;

namespace Portal.Reports.Services;

/// <summary>
/// The report as CSV (RFC 4180, UTF-8 with a byte order mark so Excel reads it as UTF-8, CRLF): a
/// heading row, one row per payment, then one totals row per currency ("Total" in the date column).
/// Dates are ISO (yyyy-MM-dd), amounts have two decimals and a dot.
/// </summary>
public sealed class PaymentReportCsv : IPaymentReportWriter
{
    private const int FlushEvery = 1000;

    public PaymentReportFormat Format => PaymentReportFormat.Csv;

    public string ContentType => "text/csv; charset=utf-8";

    public string FileExtension => ".csv";

    public async Task WriteAsync(IAsyncEnumerable<PaymentReportRow> rows, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true)
        {
            NewLine = "\r\n",
        };
        await writer.WriteLineAsync(string.Join(',', PaymentReportColumns.Headings.Select(h => CsvField.Plain(h))));
        var totals = new PaymentReportTotals();
        var written = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            totals.Add(row);
            await writer.WriteLineAsync(Line(row));
            if (++written % FlushEvery == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        foreach (var total in totals.ByCurrency)
        {
            await writer.WriteLineAsync(Line(total));
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static string Line(PaymentReportRow row) => string.Join(',',
    [
        row.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        CsvField.Text(ReportText.Clean(row.Client)),
        CsvField.Text(ReportText.Clean(row.InvoiceNumber)),
        CsvField.Text(ReportText.Clean(row.Description)),
        MinorUnits.Format(row.Gross),
        MinorUnits.Format(row.Fee),
        MinorUnits.Format(row.Net),
        CsvField.Text(ReportText.Clean(row.Currency)),
        PaymentReportColumns.StatusText(row.Status),
        CsvField.Text(ReportText.Clean(row.Method)),
        CsvField.Text(ReportText.Clean(row.ProcessorReference)),
        CsvField.Text(ReportText.Clean(row.RequestedBy)),
    ]);

    private static string Line(CurrencyTotal total) => string.Join(',',
    [
        PaymentReportColumns.TotalLabel,
        "",
        "",
        PaymentReportColumns.CountText(total.Count),
        MinorUnits.Format(total.Gross),
        MinorUnits.Format(total.Fee),
        MinorUnits.Format(total.Net),
        CsvField.Text(total.Currency),
        "",
        "",
        "",
        "",
    ]);
}
