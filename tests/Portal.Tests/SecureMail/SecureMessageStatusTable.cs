using Portal.SecureMail.Models;

namespace Portal.Tests.SecureMail;

/// <summary>
/// The dashboard's statuses: one case per status and the cases where two facts meet (which one wins).
/// Shapes are relative to "now", so the same table serves the rule in memory and in the database.
/// </summary>
internal static class SecureMessageStatusTable
{
    public static readonly IReadOnlyList<(string Case, Action<SecureMessage, DateTime> Shape, SecureMessageStatus Expected)> Cases =
    [
        ("queued, nothing heard yet", (_, _) => { }, SecureMessageStatus.Sent),
        ("the mail server took it", (m, now) => m.DeliveredAt = now.AddMinutes(-50), SecureMessageStatus.Delivered),
        ("the link was followed", (m, now) => { m.DeliveredAt = now.AddMinutes(-50); m.OpenedAt = now.AddMinutes(-40); }, SecureMessageStatus.Opened),
        ("the right password was given", (m, now) => { Opened(m, now); m.UnlockedAt = now.AddMinutes(-30); }, SecureMessageStatus.Unlocked),
        ("unlocked, payment under way", (m, now) => { Unlocked(m, now); m.PaymentStatus = SecureMessagePaymentStatus.Processing; }, SecureMessageStatus.Unlocked),
        ("unlocked, the card was declined", (m, now) => { Unlocked(m, now); m.PaymentStatus = SecureMessagePaymentStatus.Failed; }, SecureMessageStatus.Unlocked),
        ("paid", (m, now) => { Unlocked(m, now); m.PaymentStatus = SecureMessagePaymentStatus.Paid; }, SecureMessageStatus.Paid),
        ("paid, then the link expired", (m, now) => { Unlocked(m, now); m.PaymentStatus = SecureMessagePaymentStatus.Paid; m.ExpiresAt = now.AddMinutes(-1); }, SecureMessageStatus.Paid),
        ("partly refunded", (m, now) => { Unlocked(m, now); m.PaymentStatus = SecureMessagePaymentStatus.PartlyRefunded; m.RefundedAmount = 100; }, SecureMessageStatus.PartlyRefunded),
        ("refunded", (m, now) => { Unlocked(m, now); m.PaymentStatus = SecureMessagePaymentStatus.Refunded; m.RefundedAmount = 10_000; }, SecureMessageStatus.Refunded),
        ("the e-mail could not be sent", (m, now) => m.FailedAt = now.AddMinutes(-50), SecureMessageStatus.Failed),
        ("unlocked, then a resend failed", (m, now) => { Unlocked(m, now); m.FailedAt = now.AddMinutes(-5); }, SecureMessageStatus.Failed),
        ("past its expiry", (m, now) => { Opened(m, now); m.ExpiresAt = now.AddMinutes(-1); }, SecureMessageStatus.Expired),
        ("expires this very moment", (m, now) => m.ExpiresAt = now, SecureMessageStatus.Expired),
        ("failed and past its expiry", (m, now) => { m.FailedAt = now.AddMinutes(-50); m.ExpiresAt = now.AddMinutes(-1); }, SecureMessageStatus.Expired),
        ("revoked", (m, now) => { Opened(m, now); m.RevokedAt = now.AddMinutes(-10); }, SecureMessageStatus.Revoked),
        ("paid, then revoked", (m, now) => { Unlocked(m, now); m.PaymentStatus = SecureMessagePaymentStatus.Paid; m.RevokedAt = now.AddMinutes(-10); }, SecureMessageStatus.Revoked),
        ("locked by wrong passwords", (m, now) => { Opened(m, now); m.FailedAttempts = SecureMessage.MaxFailedAttempts; m.LockedAt = now.AddMinutes(-20); }, SecureMessageStatus.Locked),
        ("locked and past its expiry", (m, now) => { Opened(m, now); m.LockedAt = now.AddMinutes(-20); m.ExpiresAt = now.AddMinutes(-1); }, SecureMessageStatus.Locked),
        ("opened the most times allowed", (m, now) => { Unlocked(m, now); m.MaxOpens = 2; m.OpenCount = 2; }, SecureMessageStatus.OpensUsed),
        ("one open left", (m, now) => { Unlocked(m, now); m.MaxOpens = 2; m.OpenCount = 1; }, SecureMessageStatus.Unlocked),
        ("opens used and past its expiry", (m, now) => { Unlocked(m, now); m.MaxOpens = 1; m.OpenCount = 1; m.ExpiresAt = now.AddMinutes(-1); }, SecureMessageStatus.OpensUsed),
        ("opens used, then paid", (m, now) => { Unlocked(m, now); m.MaxOpens = 1; m.OpenCount = 1; m.PaymentStatus = SecureMessagePaymentStatus.Paid; }, SecureMessageStatus.Paid),
        ("locked with opens used", (m, now) => { Unlocked(m, now); m.MaxOpens = 1; m.OpenCount = 1; m.LockedAt = now.AddMinutes(-5); }, SecureMessageStatus.Locked),
        ("locked, then revoked", (m, now) => { Opened(m, now); m.LockedAt = now.AddMinutes(-20); m.RevokedAt = now.AddMinutes(-10); }, SecureMessageStatus.Revoked),
    ];

    public static IEnumerable<object[]> Names() => Cases.Select(c => new object[] { c.Case });

    private static void Opened(SecureMessage m, DateTime now)
    {
        m.DeliveredAt = now.AddMinutes(-50);
        m.OpenedAt = now.AddMinutes(-40);
    }

    private static void Unlocked(SecureMessage m, DateTime now)
    {
        Opened(m, now);
        m.UnlockedAt = now.AddMinutes(-30);
        m.Kind = SecureMessageKind.PaymentRequest;
        m.Amount = 10_000;
        m.Currency = "CAD";
    }
}
