namespace Portal.SecureMail.Models;

/// <summary>One password attempt on a message's unlock page (also in the audit trail).</summary>
public sealed class SecureMessageAttempt
{
    public const int IpMaxLength = 64;

    public Guid Id { get; set; }

    public Guid MessageId { get; set; }

    public DateTime At { get; set; }

    public string? Ip { get; set; }

    public bool Succeeded { get; set; }
}
