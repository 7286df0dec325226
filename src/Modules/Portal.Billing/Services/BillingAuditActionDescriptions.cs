using Portal.Core.Contracts;

namespace Portal.Billing.Services;

internal sealed class BillingAuditActionDescriptions : IAuditActionDescriptions
{
    public IEnumerable<AuditActionDescription> Describe() =>
    [
        new(BillingAuditActions.InvoiceCreated, "Invoice created", "created invoice {target}"),
        new(BillingAuditActions.InvoiceUpdated, "Invoice updated", "updated invoice {target}"),
        new(BillingAuditActions.InvoiceVoided, "Invoice voided", "voided invoice {target}"),
        new(BillingAuditActions.PaymentRecorded, "Payment recorded", "recorded payment {target}"),
        new(BillingAuditActions.PaymentRemoved, "Payment removed", "removed payment {target}"),
        new(BillingAuditActions.PaymentLevelChanged, "Payment permission changed", "changed the payment permission of {target}"),
        new(BillingAuditActions.PaymentRefunded, "Payment refunded", "refunded part or all of payment {target}"),
        new(BillingAuditActions.PaymentsSetupStarted, "Payments setup started", "started setting up payments with Stripe account {target}"),
    ];
}
