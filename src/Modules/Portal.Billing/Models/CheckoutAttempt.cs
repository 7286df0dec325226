namespace Portal.Billing.Models;

/// <summary>
/// One Pay through Stripe Checkout: a client's on an invoice, or a recipient's on a secure payment request
/// (exactly one of <see cref="InvoiceId"/> and <see cref="PaymentRequestId"/> is set). Its id gives the
/// session's Idempotency-Key, so a retry (Stripe.net's, or a second click) gets the same session. At most
/// one attempt per invoice and per request is open: <see cref="OpenInvoiceId"/> / <see cref="OpenPaymentRequestId"/>
/// hold the id while open and null after, under unique indexes, so parallel clicks cannot open two sessions.
/// A request's attempt also keeps what its payment is recorded with (client, subject, invoice number, sender),
/// since the request itself lives in another module.
/// </summary>
public sealed class CheckoutAttempt
{
    public const int SessionIdMaxLength = 255;
    public const int UrlMaxLength = 2000;
    public const int EmailMaxLength = 320;

    public Guid Id { get; set; }

    public Guid? InvoiceId { get; set; }

    /// <summary>The invoice's id while the attempt is open, else null (the unique "one open attempt" key).</summary>
    public Guid? OpenInvoiceId { get; set; }

    /// <summary>The secure payment request paid (SecureMail's id), for a request's attempt.</summary>
    public Guid? PaymentRequestId { get; set; }

    /// <summary>The request's id while the attempt is open, else null (unique, as <see cref="OpenInvoiceId"/>).</summary>
    public Guid? OpenPaymentRequestId { get; set; }

    /// <summary>The client user paying an invoice; null for a payment request (its payer need not be a portal user).</summary>
    public Guid? ClientUserId { get; set; }

    /// <summary>Where Stripe sends its receipt and the portal its own (a payment request's recipient).</summary>
    public string? PayerEmail { get; set; }

    /// <summary>The client a payment request is for (an invoice's attempt takes it from the invoice).</summary>
    public Guid? ClientId { get; set; }

    /// <summary>A payment request's subject: the Checkout line and the payment's reference.</summary>
    public string? Description { get; set; }

    /// <summary>The practice's invoice number a payment request names, if any.</summary>
    public string? InvoiceNumber { get; set; }

    /// <summary>The staff member who sent the payment request.</summary>
    public Guid? RequestedBy { get; set; }

    /// <summary>A payment request's cancel_url (the unlocked request), kept so a retry sends what the first call sent.</summary>
    public string? CancelUrl { get; set; }

    /// <summary>What goes to the invoice (minor units).</summary>
    public long Amount { get; set; }

    /// <summary>The pass-through fee on top of <see cref="Amount"/> (minor units; 0 for none).</summary>
    public long Fee { get; set; }

    public string Currency { get; set; } = "CAD";

    /// <summary>Stripe's cs_... id, once Stripe has answered.</summary>
    public string? SessionId { get; set; }

    /// <summary>Stripe's hosted page for the session.</summary>
    public string? Url { get; set; }

    /// <summary>When Stripe expires the session (sent as expires_at, whole seconds).</summary>
    public DateTime ExpiresAt { get; set; }

    public CheckoutAttemptStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public long Total => Amount + Fee;
}
