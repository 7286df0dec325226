namespace Portal.Billing.Services;

/// <summary>Audit actions of the Billing module.</summary>
public static class BillingAuditActions
{
    public const string InvoiceCreated = "billing.invoice.created";
    public const string InvoiceUpdated = "billing.invoice.updated";
    public const string InvoiceVoided = "billing.invoice.voided";
    public const string PaymentRecorded = "billing.payment.recorded";
    public const string PaymentRemoved = "billing.payment.removed";
    public const string PaymentLevelChanged = "billing.payment-level.changed";
    public const string PaymentsSetupStarted = "billing.payments-setup.started";
    public const string PaymentRefunded = "billing.payment.refunded";
}
