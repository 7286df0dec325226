using System.Globalization;
using Portal.Reports.Models;

namespace Portal.Reports.Pages.Admin.Reports;

/// <summary>The payment report's form as typed (text, so a bad value comes back to its field rather than failing binding).</summary>
public sealed class PaymentReportForm
{
    public const string DateFormat = "yyyy-MM-dd";

    public static readonly IReadOnlyList<(string Value, string Text)> Statuses =
        [("all", "All"), ("paid", "Paid"), ("pending", "Pending"), ("failed", "Failed"), ("refunded", "Refunded")];

    public static readonly IReadOnlyList<(string Value, string Text)> Formats =
        [("xlsx", "Excel (.xlsx)"), ("csv", "CSV"), ("json", "JSON")];

    public string? From { get; set; }

    public string? To { get; set; }

    public string? Status { get; set; }

    public string? Format { get; set; }

    public static PaymentReportForm ForMonth(DateOnly today) => new()
    {
        From = new DateOnly(today.Year, today.Month, 1).ToString(DateFormat, CultureInfo.InvariantCulture),
        To = new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(-1).ToString(DateFormat, CultureInfo.InvariantCulture),
        Status = "all",
        Format = "xlsx",
    };

    /// <summary>The query and format, or the problems by field (From, To, Status, Format).</summary>
    public (PaymentReportQuery? Query, PaymentReportFormat Format, List<(string Field, string Message)> Problems) Read()
    {
        var problems = new List<(string Field, string Message)>();
        var from = Date(From, nameof(From), "start", problems);
        var to = Date(To, nameof(To), "end", problems);
        PaymentReportStatus? status = (Status ?? "").Trim().ToLowerInvariant() switch
        {
            "" or "all" => null,
            "paid" => PaymentReportStatus.Paid,
            "pending" => PaymentReportStatus.Pending,
            "failed" => PaymentReportStatus.Failed,
            "refunded" => PaymentReportStatus.Refunded,
            _ => Problem(problems, nameof(Status), "Choose all, paid, pending, failed or refunded."),
        };
        var format = (Format ?? "").Trim().ToLowerInvariant() switch
        {
            "xlsx" => PaymentReportFormat.Xlsx,
            "csv" => PaymentReportFormat.Csv,
            "json" => PaymentReportFormat.Json,
            _ => Problem<PaymentReportFormat>(problems, nameof(Format), "Choose Excel (.xlsx), CSV or JSON."),
        };
        if (from is null || to is null || problems.Count > 0)
        {
            return (null, format, problems);
        }

        var query = new PaymentReportQuery(from.Value, to.Value, status);
        problems.AddRange(query.Problems().Select(p => (p.Field, "The end date " + p.Message)));
        return (problems.Count == 0 ? query : null, format, problems);
    }

    private static DateOnly? Date(string? text, string field, string which, List<(string Field, string Message)> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add((field, $"Enter the {which} date."));
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add((field, $"Enter the {which} date as YYYY-MM-DD, like 2026-03-31."));
        return null;
    }

    private static T? Problem<T>(List<(string Field, string Message)> problems, string field, string message)
    {
        problems.Add((field, message));
        return default;
    }

    private static PaymentReportStatus? Problem(List<(string Field, string Message)> problems, string field, string message)
        => Problem<PaymentReportStatus?>(problems, field, message);
}
