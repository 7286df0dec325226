using System.Net.Mail;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Identity.Data;
using Portal.Identity.Models;

namespace Portal.Identity.Services;

/// <summary>
/// What practice administrators do with staff accounts. Taking rights away ends the person's
/// sessions at once; adding rights takes effect within a minute (the session's claims refresh).
/// The practice always keeps at least one enabled administrator. The plan's staff seats bind what practice
/// administrators do here (invite, enable); the platform operator's own ways of adding staff (a recipe, a
/// practice's first administrator) do not ask for a seat, so the operator can go beyond the plan on purpose.
/// </summary>
public sealed class StaffAdministration(
    UserManager<PortalUser> users,
    UsersDbContext db,
    UserAccounts accounts,
    IUserDirectory directory,
    UserSessions sessions,
    TwoFactorSetup twoFactor,
    PermissionCatalog permissions,
    IPlanLimits plan,
    IAuditLog audit)
{
    public async Task<ListPage<StaffRow>> ListAsync(string? search, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var query = users.Users.AsNoTracking().Where(u => u.Kind == UserKind.Staff);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(term) || u.DisplayName.ToUpper().Contains(term));
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(u => u.DisplayName).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var roles = await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.DisplayName })
            .ToListAsync(cancellationToken);
        return new ListPage<StaffRow>(
            rows.Select(u => new StaffRow(u, roles.Where(r => r.UserId == u.Id).Select(r => r.DisplayName).Order().ToList())).ToList(),
            total,
            page,
            pageSize);
    }

    public async Task<StaffResult> InviteAsync(string email, string displayName, IReadOnlyCollection<string> roles, InvitationMethod method, CancellationToken cancellationToken = default)
    {
        email = email.Trim();
        if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
        {
            return StaffResult.Fail("Enter a valid e-mail address, such as name@yourpractice.com.");
        }

        if (string.IsNullOrWhiteSpace(displayName))
        {
            return StaffResult.Fail("Enter the person's name.");
        }

        if (roles.Count == 0)
        {
            return StaffResult.Fail("Choose at least one role.");
        }

        if (await users.FindByEmailAsync(email) is { } existing)
        {
            return StaffResult.Fail(existing.Kind == UserKind.Staff
                ? $"{email} is already a staff member."
                : $"{email} is a client user's address; use another address for staff.");
        }

        // The seat check and the new account are one step (StaffSeatLock): parallel invitations cannot share the last seat.
        var strategy = db.Database.CreateExecutionStrategy();
        var created = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await StaffSeatLock.BeginAsync(db, cancellationToken);
            if (await SeatLimitMessageAsync(cancellationToken) is { } full)
            {
                return StaffResult.Fail(full);
            }

            var (made, errors) = await accounts.CreateAsync(email, displayName, UserKind.Staff, roles, null);
            if (made is null)
            {
                return StaffResult.Fail(string.Join(" ", errors));
            }

            await transaction.CommitAsync(cancellationToken);
            return new StaffResult(true, null, made);
        });
        if (created.User is not { } user)
        {
            return created;
        }

        await audit.RecordAsync(new AuditEntry(AuditActions.UserCreated, AuditTargetTypes.User, user.Id.ToString(), $"staff {email}, roles {string.Join(", ", roles)}"), cancellationToken);
        var invitation = await directory.InviteAsync(user.Id, method, cancellationToken);
        return new StaffResult(true, null, user, invitation);
    }

    public async Task<string?> UpdateAsync(PortalUser user, string displayName, IReadOnlyCollection<string> roles, IReadOnlyCollection<string> grants, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            return "Enter the person's name.";
        }

        if (roles.Count == 0)
        {
            return "Choose at least one role.";
        }

        var currentRoles = (await users.GetRolesAsync(user)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (currentRoles.Contains(PortalRole.Administrator) && !roles.Contains(PortalRole.Administrator, StringComparer.OrdinalIgnoreCase)
            && await IsLastAdministratorAsync(user, cancellationToken))
        {
            return "The practice must keep at least one enabled administrator. Make someone else an administrator first.";
        }

        var unknownGrant = grants.FirstOrDefault(g => !permissions.Exists(g));
        if (unknownGrant is not null)
        {
            return $"There is no permission '{unknownGrant}'.";
        }

        user.DisplayName = displayName.Trim();
        await users.UpdateAsync(user);

        var removedRoles = currentRoles.Where(r => !roles.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        var addedRoles = roles.Where(r => !currentRoles.Contains(r)).ToList();
        if (removedRoles.Count > 0)
        {
            await users.RemoveFromRolesAsync(user, removedRoles);
        }

        if (addedRoles.Count > 0)
        {
            var added = await users.AddToRolesAsync(user, addedRoles);
            if (!added.Succeeded)
            {
                return string.Join(" ", added.Errors.Select(e => e.Description));
            }
        }

        var currentGrants = (await users.GetClaimsAsync(user)).Where(c => c.Type == PortalClaimTypes.Permission).ToList();
        var removedGrants = currentGrants.Where(c => !grants.Contains(c.Value)).ToList();
        var addedGrants = grants.Where(g => currentGrants.All(c => c.Value != g)).ToList();
        if (removedGrants.Count > 0)
        {
            await users.RemoveClaimsAsync(user, removedGrants);
        }

        if (addedGrants.Count > 0)
        {
            await users.AddClaimsAsync(user, addedGrants.Select(g => new Claim(PortalClaimTypes.Permission, g)));
        }

        if (removedRoles.Count + addedRoles.Count > 0)
        {
            await audit.RecordAsync(new AuditEntry(AuditActions.RolesChanged, AuditTargetTypes.User, user.Id.ToString(), $"{user.Email}: +[{string.Join(", ", addedRoles)}] -[{string.Join(", ", removedRoles)}]"), cancellationToken);
        }

        if (removedGrants.Count + addedGrants.Count > 0)
        {
            await audit.RecordAsync(new AuditEntry(AuditActions.UserPermissionsChanged, AuditTargetTypes.User, user.Id.ToString(), $"{user.Email}: +[{string.Join(", ", addedGrants)}] -[{string.Join(", ", removedGrants.Select(c => c.Value))}]"), cancellationToken);
        }

        if (removedRoles.Count + removedGrants.Count > 0 && user.Id != actor.IdOf())
        {
            // Rights taken away take effect now, not at the next claims refresh.
            await sessions.EndAllAsync(user.Id, cancellationToken);
        }

        return null;
    }

    public async Task<string?> DisableAsync(PortalUser user, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        if (user.Id == actor.IdOf())
        {
            return "You cannot disable your own account.";
        }

        if (await users.IsInRoleAsync(user, PortalRole.Administrator) && await IsLastAdministratorAsync(user, cancellationToken))
        {
            return "The practice must keep at least one enabled administrator.";
        }

        await accounts.DisableAsync(user, cancellationToken);
        await audit.RecordAsync(new AuditEntry(AuditActions.UserDisabled, AuditTargetTypes.User, user.Id.ToString(), user.Email), cancellationToken);
        return null;
    }

    /// <summary>Enables a disabled account again; refused (with the reason) when a staff member would go beyond the plan's seats.</summary>
    public async Task<string?> EnableAsync(PortalUser user, CancellationToken cancellationToken = default)
    {
        if (user.Kind == UserKind.Staff && user.IsDisabled)
        {
            // As for an invitation: the seat check and the re-enabling are one step.
            var strategy = db.Database.CreateExecutionStrategy();
            var refused = await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await StaffSeatLock.BeginAsync(db, cancellationToken);
                if (await SeatLimitMessageAsync(cancellationToken) is { } full)
                {
                    return full;
                }

                await accounts.EnableAsync(user);
                await transaction.CommitAsync(cancellationToken);
                return null;
            });
            if (refused is not null)
            {
                return refused;
            }
        }
        else
        {
            await accounts.EnableAsync(user);
        }

        await audit.RecordAsync(new AuditEntry(AuditActions.UserEnabled, AuditTargetTypes.User, user.Id.ToString(), user.Email), cancellationToken);
        return null;
    }

    /// <summary>
    /// Why no more staff can be added, when every seat of the practice's plan is taken by an enabled staff
    /// account; null while a seat is free (or the plan does not limit seats). Shown before the invitation
    /// form is filled in, and checked again when it is sent.
    /// </summary>
    public async Task<string?> SeatLimitMessageAsync(CancellationToken cancellationToken = default)
    {
        var limits = await plan.GetAsync(cancellationToken);
        if (limits.StaffSeats is not { } seats)
        {
            return null;
        }

        var used = await users.Users.CountAsync(u => u.Kind == UserKind.Staff && !u.IsDisabled, cancellationToken);
        return used < seats
            ? null
            : $"Your plan ({limits.PlanName}) allows {seats} staff seat{(seats == 1 ? "" : "s")} and {(seats == 1 ? "it is" : $"all {seats} are")} in use. Disable a staff member who no longer needs access, or ask the platform operator for a larger plan.";
    }

    /// <summary>For a staff member who lost their phone: they set it up again at their next sign-in.</summary>
    public async Task ResetTwoFactorAsync(PortalUser user, CancellationToken cancellationToken = default)
    {
        await twoFactor.DisableAsync(user, cancellationToken);
        await sessions.EndAllAsync(user.Id, cancellationToken);
    }

    private async Task<bool> IsLastAdministratorAsync(PortalUser user, CancellationToken cancellationToken)
    {
        var admins = await users.GetUsersInRoleAsync(PortalRole.Administrator);
        return !admins.Any(a => a.Id != user.Id && !a.IsDisabled);
    }
}

public sealed record StaffRow(PortalUser User, IReadOnlyList<string> Roles);

public sealed record StaffResult(bool Succeeded, string? Error, PortalUser? User = null, InvitationResult? Invitation = null)
{
    public static StaffResult Fail(string error) => new(false, error);
}
