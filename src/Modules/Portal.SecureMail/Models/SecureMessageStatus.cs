namespace Portal.SecureMail.Models;

/// <summary>
/// The dashboard's status of a message: the furthest it got, except that an end (revoked, expired,
/// locked, failed) or a payment outcome wins over the steps of delivery. See <see cref="SecureMessage.Status"/>.
/// </summary>
public enum SecureMessageStatus
{
    Sent,
    Delivered,
    Opened,
    Unlocked,
    Paid,
    PartlyRefunded,
    Refunded,
    Failed,
    Expired,
    Revoked,
    Locked,

    /// <summary>Unlocked as many times as the sender allowed; the link answers 410 like an expired one.</summary>
    OpensUsed,
}
