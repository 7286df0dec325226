namespace Portal.SecureMail.Models;

/// <summary>What a secure message is: a message with files, or a request to be paid.</summary>
public enum SecureMessageKind
{
    SecureEmail,
    PaymentRequest,
}
