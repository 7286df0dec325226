using Portal.SecureMail.Models;

namespace Portal.SecureMail.Services;

/// <summary>How the sent-items pages name a status and a kind.</summary>
public static class SentItemStatusNames
{
    public static string Of(SecureMessageStatus status) => status switch
    {
        SecureMessageStatus.Sent => "Sent",
        SecureMessageStatus.Delivered => "Delivered to the mail server",
        SecureMessageStatus.Opened => "Opened",
        SecureMessageStatus.Unlocked => "Unlocked",
        SecureMessageStatus.Paid => "Paid",
        SecureMessageStatus.PartlyRefunded => "Partly refunded",
        SecureMessageStatus.Refunded => "Refunded",
        SecureMessageStatus.Failed => "Failed",
        SecureMessageStatus.Expired => "Expired",
        SecureMessageStatus.Revoked => "Revoked",
        SecureMessageStatus.Locked => "Locked",
        SecureMessageStatus.OpensUsed => "Opened the most times allowed",
        _ => status.ToString(),
    };

    public static string Of(SecureMessageKind kind) => kind switch
    {
        SecureMessageKind.PaymentRequest => "Payment request",
        _ => "Secure e-mail",
    };
}
