namespace Portal.Reports.Models;

/// <summary>The column headings every report format uses, in order, and the words for a status.</summary>
public static class PaymentReportColumns
{
    public static readonly IReadOnlyList<string> Headings =
        ["Date", "Client", "Invoice number", "Description", "Gross", "Fee", "Net", "Currency", "Status", "Method", "Processor reference", "Requested by"];

    /// <summary>The first cell of a totals row.</summary>
    public const string TotalLabel = "Total";

    public static string StatusText(PaymentReportStatus status) => status switch
    {
        PaymentReportStatus.Paid => "Paid",
        PaymentReportStatus.Pending => "Pending",
        PaymentReportStatus.Failed => "Failed",
        PaymentReportStatus.Refunded => "Refunded",
        PaymentReportStatus.PartlyRefunded => "Partly refunded",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>What a totals row says in the description column: "3 payments".</summary>
    public static string CountText(int count) => count == 1 ? "1 payment" : $"{count} payments";
}
