using Microsoft.EntityFrameworkCore;
using Portal.Billing.Data;
using Portal.Billing.Models;
using Portal.Core.Contracts;
using Portal.Core.Security;

namespace Portal.Billing.Services;

/// <summary>Staff members' payment levels (seed 004's "Payment Permissions"). Administrators are always Full.</summary>
public sealed class PaymentLevels(BillingDbContext db, IUserDirectory users, IAuditLog audit, ICurrentActor actor, TimeProvider clock)
{
    private readonly Dictionary<Guid, PaymentLevel> _read = [];

    /// <summary>The level stored for the user (read once per request); None without a row.</summary>
    public async Task<PaymentLevel> StoredLevelAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        if (!_read.TryGetValue(userId, out var level))
        {
            level = await db.PaymentLevels.AsNoTracking().Where(g => g.UserId == userId).Select(g => (PaymentLevel?)g.Level).FirstOrDefaultAsync(cancellationToken) ?? PaymentLevel.None;
            _read[userId] = level;
        }

        return level;
    }

    /// <summary>Every staff member with their level: administrators Full, the others what was given them.</summary>
    public async Task<IReadOnlyList<StaffPaymentLevel>> ListAsync(CancellationToken cancellationToken = default)
    {
        var staff = await users.ListStaffAsync(cancellationToken);
        var levels = await db.PaymentLevels.AsNoTracking().ToDictionaryAsync(g => g.UserId, g => g.Level, cancellationToken);
        return [.. staff.Select(s => new StaffPaymentLevel(s, s.IsAdministrator ? PaymentLevel.Full : levels.GetValueOrDefault(s.Id, PaymentLevel.None)))];
    }

    /// <summary>Gives a staff member a level; false when the user is not a staff member of the practice.</summary>
    public async Task<bool> SetAsync(Guid userId, PaymentLevel level, CancellationToken cancellationToken = default)
    {
        var user = await users.FindAsync(userId, cancellationToken);
        if (user is null || !user.IsStaff || !Enum.IsDefined(level))
        {
            return false;
        }

        var grant = await db.PaymentLevels.FirstOrDefaultAsync(g => g.UserId == userId, cancellationToken);
        var before = grant?.Level ?? PaymentLevel.None;
        if (before == level)
        {
            return true;
        }

        if (grant is null)
        {
            grant = new PaymentLevelGrant { UserId = userId };
            db.PaymentLevels.Add(grant);
        }

        grant.Level = level;
        grant.ChangedAt = clock.GetUtcNow().UtcDateTime;
        grant.ChangedBy = actor.Actor.UserId;
        await db.SaveChangesAsync(cancellationToken);
        _read[userId] = level;
        await audit.RecordAsync(new AuditEntry(BillingAuditActions.PaymentLevelChanged, BillingAuditTargets.User, userId.ToString(), $"{user.Email}: {PaymentLevelNames.Of(before)} -> {PaymentLevelNames.Of(level)}"), cancellationToken);
        return true;
    }
}

public sealed record StaffPaymentLevel(StaffMemberInfo Staff, PaymentLevel Level);
