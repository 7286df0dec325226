namespace Portal.SecureMail.Models;

/// <summary>Where the payment of a payment request is, as Billing last reported it (PaymentRequestPaymentChanged).</summary>
public enum SecureMessagePaymentStatus
{
    None,
    Processing,
    Paid,
    Failed,
    PartlyRefunded,
    Refunded,
}
