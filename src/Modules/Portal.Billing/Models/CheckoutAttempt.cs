namespace Portal.Billing.Models;

/// <summary>
/// One client's Pay on an invoice: the Stripe Checkout Session made for it and what it asks for. Its id
/// gives the session's Idempotency-Key, so a retry (Stripe.net's, or a second click) gets the same session.
/// At most one attempt per invoice is open: <see cref="OpenInvoiceId"/> is the invoice's id while open and
/// null after, under a unique index, so parallel clicks cannot open two sessions for one invoice.
/// </summary>
public sealed class CheckoutAttempt
{
    public const int SessionIdMaxLength = 255;
    public const int UrlMaxLength = 2000;

    public Guid Id { get; set; }

    public Guid InvoiceId { get; set; }

    /// <summary>The invoice's id while the attempt is open, else null (the unique "one open attempt" key).</summary>
    public Guid? OpenInvoiceId { get; set; }

    public Guid ClientUserId { get; set; }

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
