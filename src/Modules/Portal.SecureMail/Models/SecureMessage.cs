namespace Portal.SecureMail.Models;

/// <summary>
/// A secure e-mail or secure payment request. The e-mail the recipient gets holds only a link with a
/// token; the message (sealed at rest), the files and the payment are behind the unlock page, which
/// takes the password. Only hashes of the token and the password are stored.
/// </summary>
public sealed class SecureMessage
{
    public const int EmailMaxLength = 320;
    public const int NameMaxLength = 320;
    public const int SubjectMaxLength = 200;
    public const int BodyMaxLength = 20_000;
    public const int HintMaxLength = 200;
    public const int PasswordHashMaxLength = 200;
    public const int TokenHashMaxLength = 64;
    public const int CurrencyMaxLength = 3;
    public const int InvoiceNumberMaxLength = 50;
    public const int SessionStampMaxLength = 32;

    /// <summary>Wrong passwords (from any IP) after which the message locks until staff re-open it (security.md section 5).</summary>
    public const int MaxFailedAttempts = 5;

    /// <summary>The largest "can be opened at most N times" the compose page takes (security.md section 5, max opens).</summary>
    public const int MaxOpensLimit = 100;

    public Guid Id { get; set; }

    public SecureMessageKind Kind { get; set; }

    public Guid SenderId { get; set; }

    public string SenderName { get; set; } = "";

    public string RecipientEmail { get; set; } = "";

    /// <summary>The client the message is about; required for a payment request (a payment belongs to a client).</summary>
    public Guid? ClientId { get; set; }

    public string Subject { get; set; } = "";

    /// <summary>The message text, sealed with the practice's data protection (never stored in the clear).</summary>
    public string SealedBody { get; set; } = "";

    /// <summary>ASP.NET Core Identity's PasswordHasher format (PBKDF2-HMAC-SHA512, 100,000 iterations in V3).</summary>
    public string PasswordHash { get; set; } = "";

    public string Hint { get; set; } = "";

    /// <summary>Hex SHA-256 of the link's token (256 random bits); the token itself is only in the e-mail.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>Changed whenever the message is locked, revoked or re-opened, so earlier unlocked browser sessions end.</summary>
    public string SessionStamp { get; set; } = "";

    public DateTime ExpiresAt { get; set; }

    public bool NotifyWhenOpened { get; set; }

    /// <summary>The outbox id of the last "View your e-mail" message, to follow its delivery.</summary>
    public Guid? OutboxMessageId { get; set; }

    public int SendCount { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? SentAt { get; set; }

    public DateTime? DeliveredAt { get; set; }

    /// <summary>The unlock page was first shown (the link was followed).</summary>
    public DateTime? OpenedAt { get; set; }

    /// <summary>The right password was first given.</summary>
    public DateTime? UnlockedAt { get; set; }

    public DateTime? LockedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    /// <summary>When the expiry was noticed (a visit after <see cref="ExpiresAt"/>); <see cref="Status"/> uses <see cref="ExpiresAt"/> itself.</summary>
    public DateTime? ExpiredAt { get; set; }

    public DateTime? FailedAt { get; set; }

    /// <summary>Wrong passwords since the last re-open, from every IP.</summary>
    public int FailedAttempts { get; set; }

    /// <summary>Successful unlocks the link allows; null is no limit beyond the expiry.</summary>
    public int? MaxOpens { get; set; }

    /// <summary>Successful unlocks so far, counted by one conditional update so parallel unlocks cannot pass <see cref="MaxOpens"/>.</summary>
    public int OpenCount { get; set; }

    public string? Currency { get; set; }

    public string? InvoiceNumber { get; set; }

    /// <summary>Minor units, before any fee.</summary>
    public long? Amount { get; set; }

    public bool IncludeFee { get; set; }

    /// <summary>The fee quoted when the request was sent (minor units); Billing charges the fee of its formula at checkout.</summary>
    public long? Fee { get; set; }

    public SecureMessagePaymentStatus PaymentStatus { get; set; }

    public Guid? PaymentId { get; set; }

    /// <summary>Minor units refunded so far (from Billing's event).</summary>
    public long RefundedAmount { get; set; }

    public DateTime? PaymentChangedAt { get; set; }

    /// <summary>
    /// When a payment arrived for the request after it had been revoked, locked or had expired (a Checkout page
    /// paid in the moment it was closed). The money is in the books all the same; staff were told, to keep or refund it.
    /// </summary>
    public DateTime? PaidAfterClosingAt { get; set; }

    /// <summary>Whether the request was closed to payment (revoked, locked or expired) at <paramref name="at"/>.</summary>
    public bool IsClosedAt(DateTime at) => RevokedAt <= at || LockedAt <= at || ExpiresAt <= at;

    public bool IsPaymentRequest => Kind == SecureMessageKind.PaymentRequest;

    public bool IsExpired(DateTime now) => ExpiresAt <= now;

    public bool HasUsedItsOpens => OpenCount >= MaxOpens;

    /// <summary>The dashboard's status at <paramref name="now"/> (<see cref="SecureMessageStatusRule"/>).</summary>
    public SecureMessageStatus Status(DateTime now) => SecureMessageStatusRule.Of(this, now);
}
