using Portal.Core.Contracts;

namespace Portal.Reports.Services;

internal sealed class ReportsAuditActionDescriptions : IAuditActionDescriptions
{
    public IEnumerable<AuditActionDescription> Describe() =>
    [
        new(ReportsAuditActions.PaymentReportDownloaded, "Payment report downloaded", "downloaded a payment report"),
        new(ReportsAuditActions.AccountingExportCreated, "Accounting export made", "made the accounting import file {target}"),
        new(ReportsAuditActions.AccountingExportDownloaded, "Accounting export downloaded", "downloaded the accounting import file {target}"),
    ];
}
