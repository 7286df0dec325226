namespace Portal.Billing.Models;

/// <summary>
/// Money received from a client: recorded by staff (cheque, e-transfer, cash) or from the payment
/// provider. Provider payments carry <see cref="ProviderKey"/> (unique: one payment per provider
/// payment, however often it is reported) and the provider's ids. Amounts are minor units.
/// </summary>
public sealed class Payment
{
    public const int ReferenceMaxLength = 200;
    public const int ProviderIdMaxLength = 255;

    public Guid Id { get; set; }

    public Guid ClientId { get; set; }

    public PaymentMethod Method { get; set; }

    public PaymentStatus Status { get; set; }

    public DateOnly ReceivedOn { get; set; }

    public string? Reference { get; set; }

    public long Amount { get; set; }

    public string Currency { get; set; } = "CAD";

    /// <summary>The transaction fee the client paid on top (pass-through), included in <see cref="Amount"/>.</summary>
    public long FeeAmount { get; set; }

    /// <summary>Received but not allocated to an invoice (only online payments can have it: see docs).</summary>
    public long UnallocatedAmount { get; set; }

    /// <summary>Given back by refunds (pending or succeeded), fee included; at most <see cref="Amount"/>.</summary>
    public long RefundedAmount { get; set; }

    public string? ProviderKey { get; set; }

    public string? CheckoutSessionId { get; set; }

    public string? PaymentIntentId { get; set; }

    public string? ChargeId { get; set; }

    public DateTime RecordedAt { get; set; }

    public Guid? RecordedBy { get; set; }

    /// <summary>The secure payment request this payment pays (SecureMail's id); null for everything else.</summary>
    public Guid? PaymentRequestId { get; set; }

    /// <summary>The staff member who sent the payment request (the reports' "Requested by").</summary>
    public Guid? RequestedBy { get; set; }

    /// <summary>The invoice number a payment request named, kept for reports when no portal invoice took the money.</summary>
    public string? InvoiceNumber { get; set; }
}
