using Portal.Reports.Models;

namespace Portal.Reports.Services;

/// <summary>
/// Writes a payment report as rows arrive: the rows, then a totals row per currency. A writer never
/// holds the whole report; what it keeps is bounded by the format (see each writer).
/// </summary>
public interface IPaymentReportWriter
{
    PaymentReportFormat Format { get; }

    string ContentType { get; }

    string FileExtension { get; }

    Task WriteAsync(IAsyncEnumerable<PaymentReportRow> rows, Stream output, CancellationToken cancellationToken);
}
