namespace Portal.Billing.Payments;

/// <summary>
/// The metadata keys the portal writes on Stripe objects, so an event names its practice and invoice
/// without a lookup table (Stripe signs events, and only the platform's key can write metadata).
/// Checkout sets them on the session and on payment_intent_data (Stripe copies the latter to the charge).
/// </summary>
public static class StripeMetadataKeys
{
    /// <summary>The practice (tenant id) the object belongs to: on accounts, sessions, payment intents and refunds.</summary>
    public const string Practice = PayoutAccounts.PracticeMetadataKey;

    /// <summary>The portal invoice a Checkout Session pays.</summary>
    public const string Invoice = "portal_invoice_id";

    /// <summary>The pass-through fee (minor units) included in the session's amount.</summary>
    public const string Fee = "portal_fee";

    /// <summary>The portal's id of a refund made from the payment's page (the refund row keeps it, whoever records it first).</summary>
    public const string Refund = "portal_refund_id";

    /// <summary>The portal user who started the payment.</summary>
    public const string PaidBy = "portal_user_id";

    /// <summary>The secure payment request a Checkout Session pays (instead of <see cref="Invoice"/>).</summary>
    public const string PaymentRequest = "portal_payment_request_id";

    /// <summary>The e-mail address of a payment request's payer (who need not be a portal user).</summary>
    public const string PayerEmail = "portal_payer_email";

    /// <summary>The practice's invoice number a payment request names, when it names one.</summary>
    public const string InvoiceNumber = "portal_invoice_number";
}
