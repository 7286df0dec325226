using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Errors;
using Portal.Messages.Data;
using Portal.Messages.Models;

namespace Portal.Messages.Services;

/// <summary>
/// The practice's Contact us reasons: add, rename, reorder, route, retire and restore. Reasons are
/// never deleted, so a thread keeps the reason it was sent with after the reason is retired.
/// </summary>
public sealed class ContactReasons(MessagesDbContext db, IAuditLog audit, TimeProvider clock)
{
    /// <summary>Every reason, active ones first in their order, then the retired ones.</summary>
    public async Task<IReadOnlyList<ContactReason>> ListAsync(CancellationToken cancellationToken = default)
        => await db.Reasons.AsNoTracking().OrderBy(r => r.RetiredAt != null).ThenBy(r => r.Position).ThenBy(r => r.Name).ToListAsync(cancellationToken);

    /// <summary>The reasons clients may pick, in the practice's order.</summary>
    public async Task<IReadOnlyList<ContactReason>> ActiveAsync(CancellationToken cancellationToken = default)
        => await db.Reasons.AsNoTracking().Where(r => r.RetiredAt == null).OrderBy(r => r.Position).ThenBy(r => r.Name).ToListAsync(cancellationToken);

    public Task<ContactReason?> FindAsync(Guid id, CancellationToken cancellationToken = default)
        => db.Reasons.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    public async Task<(ContactReason? Reason, PortalError? Error)> AddAsync(string? name, ReasonRoute route, CancellationToken cancellationToken = default)
    {
        if (await CheckNameAsync(name, null, cancellationToken) is { } error)
        {
            return (null, error);
        }

        var last = await db.Reasons.MaxAsync(r => (int?)r.Position, cancellationToken) ?? 0;
        var reason = new ContactReason { Id = Guid.CreateVersion7(), Name = name!.Trim(), Position = last + 10, RouteToUserId = route.UserId, RouteToRole = route.Role };
        db.Reasons.Add(reason);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry(MessageAuditActions.ReasonAdded, MessageAuditTargets.Reason, reason.Id.ToString(), reason.Name), cancellationToken);
        return (reason, null);
    }

    /// <summary>Renames a reason and sets where its new threads go (threads already sent keep their assignment).</summary>
    public async Task<PortalError?> ChangeAsync(Guid id, string? name, ReasonRoute route, CancellationToken cancellationToken = default)
    {
        var reason = await db.Reasons.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (reason is null)
        {
            return MessageErrors.UnknownReason;
        }

        if (await CheckNameAsync(name, id, cancellationToken) is { } error)
        {
            return error;
        }

        var before = reason.Name;
        reason.Name = name!.Trim();
        reason.RouteToUserId = route.UserId;
        reason.RouteToRole = route.Role;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry(MessageAuditActions.ReasonChanged, MessageAuditTargets.Reason, id.ToString(), before == reason.Name ? reason.Name : $"{before} -> {reason.Name}"), cancellationToken);
        return null;
    }

    /// <summary>Moves an active reason one place up (-1) or down (+1) among the active ones.</summary>
    public async Task<bool> MoveAsync(Guid id, int direction, CancellationToken cancellationToken = default)
    {
        var active = await db.Reasons.Where(r => r.RetiredAt == null).OrderBy(r => r.Position).ThenBy(r => r.Name).ToListAsync(cancellationToken);
        var index = active.FindIndex(r => r.Id == id);
        var other = index + Math.Sign(direction);
        if (index < 0 || direction == 0 || other < 0 || other >= active.Count)
        {
            return false;
        }

        (active[index], active[other]) = (active[other], active[index]);
        for (var i = 0; i < active.Count; i++)
        {
            active[i].Position = (i + 1) * 10;
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry(MessageAuditActions.ReasonsReordered, MessageAuditTargets.Reason, id.ToString(), string.Join(", ", active.Select(r => r.Name))), cancellationToken);
        return true;
    }

    public async Task<bool> RetireAsync(Guid id, bool retire, CancellationToken cancellationToken = default)
    {
        var reason = await db.Reasons.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (reason is null || (reason.RetiredAt is not null) == retire)
        {
            return false;
        }

        reason.RetiredAt = retire ? clock.GetUtcNow().UtcDateTime : null;
        if (!retire)
        {
            reason.Position = (await db.Reasons.Where(r => r.RetiredAt == null).MaxAsync(r => (int?)r.Position, cancellationToken) ?? 0) + 10;
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry(retire ? MessageAuditActions.ReasonRetired : MessageAuditActions.ReasonRestored, MessageAuditTargets.Reason, id.ToString(), reason.Name), cancellationToken);
        return true;
    }

    private async Task<PortalError?> CheckNameAsync(string? name, Guid? except, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return MessageErrors.EmptyReasonName;
        }

        var trimmed = name.Trim();
        if (trimmed.Length > ContactReason.NameMaxLength)
        {
            return MessageErrors.ReasonNameTooLong;
        }

        // lower() on both sides: SQLite and PostgreSQL compare case differently.
        var lower = trimmed.ToLowerInvariant();
        return await db.Reasons.AnyAsync(r => r.Id != except && r.Name.ToLower() == lower, cancellationToken) ? MessageErrors.DuplicateReasonName : null;
    }
}

/// <summary>Where a reason's threads go: a staff member, or else a role, or else nobody (the inbox's unassigned).</summary>
public sealed record ReasonRoute(Guid? UserId, string? Role)
{
    public static ReasonRoute Nobody { get; } = new(null, null);
}
