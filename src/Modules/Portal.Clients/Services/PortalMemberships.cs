using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Clients.Data;
using Portal.Clients.Models;
using Portal.Core.Contracts;
using Portal.Core.Security;
using Portal.Core.Time;

namespace Portal.Clients.Services;

/// <summary>Who may use a portal, with which access, until when.</summary>
public sealed class PortalMemberships(
    ClientsDbContext db,
    IUserDirectory users,
    IAuditLog audit,
    IPracticeClock calendar,
    ICurrentActor actor,
    TimeProvider clock)
{
    public const int DisplayNameMaxLength = 200;

    public async Task<IReadOnlyList<PortalMemberView>> MembersAsync(Guid portalId, CancellationToken cancellationToken = default)
    {
        var members = await db.PortalMembers.AsNoTracking().Where(m => m.PortalId == portalId).ToListAsync(cancellationToken);
        var accounts = await users.FindManyAsync(members.Select(m => m.UserId), cancellationToken);
        var today = await calendar.TodayAsync(cancellationToken);
        return members
            .Select(m => new PortalMemberView(m, accounts.GetValueOrDefault(m.UserId), !IsActive(m, today)))
            .OrderBy(v => v.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    /// <summary>Who has access to any of these portals, as (portal, user) pairs, in one query.</summary>
    public async Task<IReadOnlySet<(Guid PortalId, Guid UserId)>> MembershipsOfAsync(IReadOnlyCollection<Guid> portalIds, CancellationToken cancellationToken = default)
    {
        var ids = portalIds.ToList();
        if (ids.Count == 0)
        {
            return new HashSet<(Guid, Guid)>();
        }

        var rows = await db.PortalMembers.AsNoTracking().Where(m => ids.Contains(m.PortalId)).Select(m => new { m.PortalId, m.UserId }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.PortalId, r.UserId)).ToHashSet();
    }

    public Task<PortalMember?> FindAsync(Guid portalId, Guid memberId, CancellationToken cancellationToken = default)
        => db.PortalMembers.AsNoTracking().SingleOrDefaultAsync(m => m.Id == memberId && m.PortalId == portalId, cancellationToken);

    /// <summary>
    /// Gives the person access: finds the client user with that address or creates one (staff addresses
    /// are refused), then saves the membership. Inviting them is a separate step.
    /// </summary>
    public async Task<(PortalMember? Member, PortalUserInfo? User, IReadOnlyList<FieldError> Errors)> AddAsync(Guid portalId, NewPortalUser input, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var email = input.Email.Trim();
        var displayName = input.DisplayName.Trim();
        if (email.Length == 0)
        {
            errors.Add(new("Email", "Enter the person's e-mail address."));
        }
        else if (!ClientRules.IsEmail(email))
        {
            errors.Add(new("Email", $"'{email}' is not an e-mail address."));
        }

        if (displayName.Length > DisplayNameMaxLength)
        {
            errors.Add(new("DisplayName", $"Use at most {DisplayNameMaxLength} characters."));
        }

        if (await CheckExpiryAsync(input.Access, input.ExpiresOn, null, cancellationToken) is { } expiryError)
        {
            errors.Add(expiryError);
        }

        var portal = await db.Portals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == portalId, cancellationToken);
        if (portal is null)
        {
            errors.Add(new("", "This portal no longer exists."));
        }

        if (errors.Count > 0)
        {
            return (null, null, errors);
        }

        var existing = await users.FindByEmailAsync(email, cancellationToken);
        if (existing is not null && await db.PortalMembers.AnyAsync(m => m.PortalId == portalId && m.UserId == existing.Id, cancellationToken))
        {
            return (null, null, [AlreadyMember(existing.Email)]);
        }

        var ensured = await users.EnsureClientUserAsync(email, displayName.Length == 0 ? email : displayName, cancellationToken);
        if (ensured.User is null)
        {
            return (null, null, [new("Email", ensured.Error ?? $"{email} cannot be given portal access.")]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var member = NewMember(portalId, ensured.User.Id, input.Access, input.Access == PortalAccess.Contributor ? input.ExpiresOn : null, now);
        db.PortalMembers.Add(member);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return (null, null, [AlreadyMember(ensured.User.Email)]);
        }

        await audit.RecordAsync(new AuditEntry(AuditActions.PortalAccessGranted, AuditTargetTypes.Portal, portalId.ToString(), $"{ensured.User.Email} in {portal!.Name}: {Describe(member.Access, member.ExpiresOn)}"), cancellationToken);
        return (member, ensured.User, []);
    }

    public async Task<FieldError?> ChangeAsync(Guid portalId, Guid memberId, PortalAccess access, DateOnly? expiresOn, CancellationToken cancellationToken = default)
    {
        var member = await db.PortalMembers.SingleOrDefaultAsync(m => m.Id == memberId && m.PortalId == portalId, cancellationToken);
        if (member is null)
        {
            return new FieldError("", "That user no longer has access to this portal.");
        }

        if (await CheckExpiryAsync(access, expiresOn, member.ExpiresOn, cancellationToken) is { } error)
        {
            return error;
        }

        expiresOn = access == PortalAccess.Contributor ? expiresOn : null;
        if (member.Access == access && member.ExpiresOn == expiresOn)
        {
            return null;
        }

        var before = Describe(member.Access, member.ExpiresOn);
        member.Access = access;
        member.ExpiresOn = expiresOn;
        member.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry(AuditActions.PortalAccessChanged, AuditTargetTypes.Portal, portalId.ToString(), $"{await EmailOfAsync(member.UserId, cancellationToken)}: {before} → {Describe(access, expiresOn)}"), cancellationToken);
        return null;
    }

    public async Task<bool> RemoveAsync(Guid portalId, Guid memberId, CancellationToken cancellationToken = default)
    {
        var member = await db.PortalMembers.AsNoTracking().SingleOrDefaultAsync(m => m.Id == memberId && m.PortalId == portalId, cancellationToken);
        if (member is null || await db.PortalMembers.Where(m => m.Id == memberId).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return false;
        }

        await audit.RecordAsync(new AuditEntry(AuditActions.PortalAccessRevoked, AuditTargetTypes.Portal, portalId.ToString(), await EmailOfAsync(member.UserId, cancellationToken)), cancellationToken);
        return true;
    }

    /// <summary>
    /// Sets a user's access as a recipe states it (creating the membership if needed). Unlike the admin
    /// page, a date in the past is accepted: a demo recipe run years later must still work.
    /// </summary>
    public async Task SetAsync(Guid portalId, PortalUserInfo user, PortalAccess access, DateOnly? expiresOn, CancellationToken cancellationToken = default)
    {
        expiresOn = access == PortalAccess.Contributor ? expiresOn : null;
        var member = await db.PortalMembers.SingleOrDefaultAsync(m => m.PortalId == portalId && m.UserId == user.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (member is null)
        {
            db.PortalMembers.Add(NewMember(portalId, user.Id, access, expiresOn, now));
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(new AuditEntry(AuditActions.PortalAccessGranted, AuditTargetTypes.Portal, portalId.ToString(), $"{user.Email}: {Describe(access, expiresOn)}"), cancellationToken);
            return;
        }

        if (member.Access == access && member.ExpiresOn == expiresOn)
        {
            return;
        }

        var before = Describe(member.Access, member.ExpiresOn);
        member.Access = access;
        member.ExpiresOn = expiresOn;
        member.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry(AuditActions.PortalAccessChanged, AuditTargetTypes.Portal, portalId.ToString(), $"{user.Email}: {before} → {Describe(access, expiresOn)}"), cancellationToken);
    }

    /// <summary>
    /// The batch form of <see cref="SetAsync"/> for people given access to a portal they are not in yet
    /// (the sync API's new contacts): the grants that already exist are read once and left as they are,
    /// the others saved in one save. Returns how many were new.
    /// </summary>
    public async Task<int> GrantManyAsync(IReadOnlyList<(Guid PortalId, PortalUserInfo User)> grants, PortalAccess access, CancellationToken cancellationToken = default)
    {
        var existing = (await MembershipsOfAsync([.. grants.Select(g => g.PortalId).Distinct()], cancellationToken)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var made = new List<(Guid PortalId, PortalUserInfo User)>();
        foreach (var (portalId, user) in grants)
        {
            if (existing.Add((portalId, user.Id)))
            {
                db.PortalMembers.Add(NewMember(portalId, user.Id, access, null, now));
                made.Add((portalId, user));
            }
        }

        if (made.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        foreach (var (portalId, user) in made)
        {
            await audit.RecordAsync(new AuditEntry(AuditActions.PortalAccessGranted, AuditTargetTypes.Portal, portalId.ToString(), $"{user.Email}: {Describe(access, null)}"), cancellationToken);
        }

        return made.Count;
    }

    private PortalMember NewMember(Guid portalId, Guid userId, PortalAccess access, DateOnly? expiresOn, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        PortalId = portalId,
        UserId = userId,
        Access = access,
        ExpiresOn = expiresOn,
        CreatedAt = now,
        CreatedBy = actor.Actor.UserId,
        UpdatedAt = now,
    };

    /// <summary>Access counts on its last day too: it ends when that day ends.</summary>
    public static bool IsActive(PortalMember member, DateOnly today) => member.ExpiresOn is null || member.ExpiresOn >= today;

    /// <summary>
    /// The access as a sentence says it: "has full access to Lee household", "has contributor access to
    /// Lee household until 30 November 2027".
    /// </summary>
    public static string Sentence(PortalAccess access, DateOnly? expiresOn, string? portalName)
    {
        var to = portalName is null ? "" : $" to {portalName}";
        return access == PortalAccess.Contributor
            ? $"contributor access{to}{(expiresOn is { } until ? $" until {until.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}" : "")}"
            : $"full access{to}";
    }

    public static string Describe(PortalAccess access, DateOnly? expiresOn)
        => access == PortalAccess.Contributor && expiresOn is { } until
            ? $"Contributor until {until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
            : access.ToString();

    private async Task<FieldError?> CheckExpiryAsync(PortalAccess access, DateOnly? expiresOn, DateOnly? current, CancellationToken cancellationToken)
    {
        if (expiresOn is null)
        {
            return null;
        }

        if (access != PortalAccess.Contributor)
        {
            return new FieldError("ExpiresOn", "Only contributor access can end on a date. Clear the date, or choose Contributor.");
        }

        return expiresOn != current && expiresOn < await calendar.TodayAsync(cancellationToken)
            ? new FieldError("ExpiresOn", "Choose today or a later date: access that ends in the past would never start.")
            : null;
    }

    private async Task<string> EmailOfAsync(Guid userId, CancellationToken cancellationToken)
        => (await users.FindAsync(userId, cancellationToken))?.Email ?? userId.ToString();

    private static FieldError AlreadyMember(string email) => new("Email", $"{email} already has access to this portal. Change their access in the list below.");
}
