using Microsoft.EntityFrameworkCore;
using Portal.Core.Time;
using Portal.SecureMail.Data;
using Portal.SecureMail.Models;

namespace Portal.SecureMail.Services;

/// <summary>The dashboard's figures: messages waiting for the recipient, locked ones waiting for staff, and payment requests paid this month (the practice's month).</summary>
public sealed class SentItemCounts(SecureMailDbContext db, IPracticeClock practiceClock, TimeProvider clock)
{
    public async Task<SentItemTotals> CountAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var messages = db.Messages.AsNoTracking();
        var awaiting = await messages.Where(SecureMessageStatusRule.Is(SecureMessageStatus.Sent, now)).CountAsync(cancellationToken)
            + await messages.Where(SecureMessageStatusRule.Is(SecureMessageStatus.Delivered, now)).CountAsync(cancellationToken)
            + await messages.Where(SecureMessageStatusRule.Is(SecureMessageStatus.Opened, now)).CountAsync(cancellationToken);
        var locked = await messages.Where(SecureMessageStatusRule.Is(SecureMessageStatus.Locked, now)).CountAsync(cancellationToken);
        var zone = await practiceClock.ZoneAsync(cancellationToken);
        var today = DateOnly.FromDateTime(zone.ToLocal(now));
        var monthStart = zone.StartOfDayUtc(new DateOnly(today.Year, today.Month, 1));
        var paid = await messages.Where(SecureMessageStatusRule.Is(SecureMessageStatus.Paid, now))
            .Where(m => m.PaymentChangedAt >= monthStart).CountAsync(cancellationToken);
        return new SentItemTotals(awaiting, locked, paid);
    }
}

public sealed record SentItemTotals(int AwaitingUnlock, int Locked, int PaidThisMonth);
