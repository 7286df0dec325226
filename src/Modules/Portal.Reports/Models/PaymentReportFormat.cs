namespace Portal.Reports.Models;

public enum PaymentReportFormat
{
    Xlsx,
    Csv,
    Json,
}
