using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Tenancy;
using Portal.Identity.Data;
using Portal.Identity.Models;

namespace Portal.Identity.Services;

/// <summary>Custom roles and the permissions roles hold. Administrators always hold every permission.</summary>
public sealed partial class RoleAdministration(
    RoleManager<PortalRole> roles,
    UsersDbContext db,
    PermissionCatalog permissions,
    UserSessions sessions,
    TenantStore tenants,
    TenantContext tenantContext,
    IAuditLog audit)
{
    public async Task<IReadOnlyList<RoleRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var counts = await db.UserRoles.GroupBy(ur => ur.RoleId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var all = await db.Roles.AsNoTracking().OrderByDescending(r => r.IsSystem).ThenBy(r => r.DisplayName).ToListAsync(cancellationToken);
        return all.Select(r => new RoleRow(r, counts.GetValueOrDefault(r.Id))).ToList();
    }

    public async Task<(PortalRole? Role, string? Error)> CreateAsync(string displayName, string? description, CancellationToken cancellationToken = default)
    {
        displayName = displayName?.Trim() ?? "";
        if (displayName.Length is < 2 or > 60 || !RoleName().IsMatch(displayName))
        {
            return (null, "Use 2 to 60 letters, digits, spaces, hyphens or ampersands for the role's name.");
        }

        var name = displayName;
        if (await roles.RoleExistsAsync(name))
        {
            return (null, $"There is already a role called {displayName}.");
        }

        var role = new PortalRole { Id = Guid.CreateVersion7(), Name = name, DisplayName = displayName, Description = description?.Trim() ?? "" };
        var result = await roles.CreateAsync(role);
        if (!result.Succeeded)
        {
            return (null, string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await audit.RecordAsync(new AuditEntry(AuditActions.RoleCreated, AuditTargetTypes.Role, role.Id.ToString(), displayName), cancellationToken);
        return (role, null);
    }

    public async Task<string?> SetPermissionsAsync(PortalRole role, IReadOnlyCollection<string> granted, CancellationToken cancellationToken = default)
    {
        if (role.Name == PortalRole.Administrator)
        {
            return "Practice administrators always hold every permission.";
        }

        var unknown = granted.FirstOrDefault(p => !permissions.Exists(p));
        if (unknown is not null)
        {
            return $"There is no permission '{unknown}'.";
        }

        var current = (await roles.GetClaimsAsync(role)).Where(c => c.Type == PortalClaimTypes.Permission).ToList();
        var removed = current.Where(c => !granted.Contains(c.Value)).ToList();
        var added = granted.Where(p => current.All(c => c.Value != p)).ToList();
        foreach (var claim in removed)
        {
            await roles.RemoveClaimAsync(role, claim);
        }

        foreach (var permission in added)
        {
            await roles.AddClaimAsync(role, new Claim(PortalClaimTypes.Permission, permission));
        }

        if (removed.Count + added.Count > 0)
        {
            // Role permissions are cached per practice version: bump it so every server re-reads them now.
            await tenants.TouchAsync(tenantContext.Tenant.Name, cancellationToken);
            await audit.RecordAsync(new AuditEntry(AuditActions.RolePermissionsChanged, AuditTargetTypes.Role, role.Id.ToString(), $"{role.DisplayName}: +[{string.Join(", ", added)}] -[{string.Join(", ", removed.Select(c => c.Value))}]"), cancellationToken);
        }

        return null;
    }

    public async Task<string?> DeleteAsync(PortalRole role, CancellationToken cancellationToken = default)
    {
        if (role.IsSystem)
        {
            return $"{role.DisplayName} is built in and cannot be deleted.";
        }

        var members = await db.UserRoles.Where(ur => ur.RoleId == role.Id).Select(ur => ur.UserId).ToListAsync(cancellationToken);
        await roles.DeleteAsync(role);
        foreach (var member in members)
        {
            await sessions.EndAllAsync(member, cancellationToken);
        }

        await tenants.TouchAsync(tenantContext.Tenant.Name, cancellationToken);
        await audit.RecordAsync(new AuditEntry(AuditActions.RoleDeleted, AuditTargetTypes.Role, role.Id.ToString(), $"{role.DisplayName} ({members.Count} members)"), cancellationToken);
        return null;
    }

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N} &\-]*$")]
    private static partial Regex RoleName();
}

public sealed record RoleRow(PortalRole Role, int Members);
