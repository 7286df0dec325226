namespace Portal.Reports.Models;

/// <summary>A payment's status as reports show it (Billing's succeeded is "paid" to a practice).</summary>
public enum PaymentReportStatus
{
    Paid,
    Pending,
    Failed,
    Refunded,
    PartlyRefunded,
}
