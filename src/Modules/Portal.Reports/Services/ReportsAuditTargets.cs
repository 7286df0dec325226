namespace Portal.Reports.Services;

/// <summary>Target types of the Reports module's audit entries.</summary>
public static class ReportsAuditTargets
{
    public const string PaymentReport = "payment-report";
    public const string AccountingExport = "accounting-export";
}
