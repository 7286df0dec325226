using System.Globalization;
using System.Text.Json;
using Portal.Reports.Models;

namespace Portal.Reports.Services;

/// <summary>
/// The report as JSON: <c>{"rows": [...], "totals": [...]}</c>, written with <see cref="Utf8JsonWriter"/>
/// and flushed every few hundred rows, so the response starts at once and nothing is held. Amounts are
/// JSON numbers with two decimals, dates ISO strings, the status in the words the other formats use.
/// </summary>
public sealed class PaymentReportJson : IPaymentReportWriter
{
    private const int FlushEvery = 500;

    public PaymentReportFormat Format => PaymentReportFormat.Json;

    public string ContentType => "application/json; charset=utf-8";

    public string FileExtension => ".json";

    public async Task WriteAsync(IAsyncEnumerable<PaymentReportRow> rows, Stream output, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteStartArray("rows");
        var totals = new PaymentReportTotals();
        var written = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            totals.Add(row);
            WriteRow(json, row);
            if (++written % FlushEvery == 0)
            {
                await json.FlushAsync(cancellationToken);
            }
        }

        json.WriteEndArray();
        json.WriteStartArray("totals");
        foreach (var total in totals.ByCurrency)
        {
            json.WriteStartObject();
            json.WriteString("currency", total.Currency);
            json.WriteNumber("count", total.Count);
            json.WriteNumber("gross", MinorUnits.ToDecimal(total.Gross));
            json.WriteNumber("fee", MinorUnits.ToDecimal(total.Fee));
            json.WriteNumber("net", MinorUnits.ToDecimal(total.Net));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private static void WriteRow(Utf8JsonWriter json, PaymentReportRow row)
    {
        json.WriteStartObject();
        json.WriteString("date", row.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("client", ReportText.Clean(row.Client));
        json.WriteString("invoiceNumber", ReportText.Clean(row.InvoiceNumber));
        json.WriteString("description", ReportText.Clean(row.Description));
        json.WriteNumber("gross", MinorUnits.ToDecimal(row.Gross));
        json.WriteNumber("fee", MinorUnits.ToDecimal(row.Fee));
        json.WriteNumber("net", MinorUnits.ToDecimal(row.Net));
        json.WriteString("currency", ReportText.Clean(row.Currency));
        json.WriteString("status", PaymentReportColumns.StatusText(row.Status));
        json.WriteString("method", ReportText.Clean(row.Method));
        json.WriteString("processorReference", ReportText.Clean(row.ProcessorReference));
        json.WriteString("requestedBy", ReportText.Clean(row.RequestedBy));
        json.WriteEndObject();
    }
}
