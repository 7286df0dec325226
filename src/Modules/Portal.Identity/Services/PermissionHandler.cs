using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Security;
using Portal.Core.Tenancy;
using Portal.Identity.Models;

namespace Portal.Identity.Services;

/// <summary>
/// Grants a <see cref="PermissionRequirement"/> when one of the user's roles holds the permission.
/// Administrators hold every permission, including those of features enabled later.
/// </summary>
/// <remarks>The role store is resolved only inside a practice: authorization also runs on the host site.</remarks>
public sealed class PermissionHandler(IServiceProvider services, TenantContext tenantContext) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (!tenantContext.HasTenant || !context.User.IsStaffUser())
        {
            return;
        }

        // Granted to this person directly (e.g. taking payments), on top of their roles.
        if (context.User.HasClaim(PortalClaimTypes.Permission, requirement.Permission))
        {
            context.Succeed(requirement);
            return;
        }

        var roles = context.User.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        if (roles.Contains(PortalRole.Administrator, StringComparer.OrdinalIgnoreCase))
        {
            context.Succeed(requirement);
            return;
        }

        var permissions = await services.GetRequiredService<RolePermissions>().ForRolesAsync(roles);
        if (permissions.Contains(requirement.Permission))
        {
            context.Succeed(requirement);
        }
    }
}
