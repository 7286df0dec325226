namespace Portal.Reports.Services;

/// <summary>Audit actions of the Reports module.</summary>
public static class ReportsAuditActions
{
    public const string PaymentReportDownloaded = "reports.payment-report.downloaded";
    public const string AccountingExportCreated = "reports.accounting-export.created";
    public const string AccountingExportDownloaded = "reports.accounting-export.downloaded";
}
