using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Security;
using Portal.Core.Tenancy;

namespace Portal.Billing.Services;

/// <summary>
/// Grants Billing's permissions to a staff member whose payment level includes them, next to
/// Identity's handler (roles, administrators, direct grants): any handler that succeeds lets them in.
/// </summary>
/// <remarks>The levels are read only inside a practice: authorization also runs on the host site.</remarks>
internal sealed class PaymentLevelHandler(IServiceProvider services, TenantContext tenantContext) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (Permissions.LevelFor(requirement.Permission) is not { } needed || !tenantContext.HasTenant || !context.User.IsStaffUser() || context.User.IdOf() is not { } userId)
        {
            return;
        }

        if (await services.GetRequiredService<PaymentLevels>().StoredLevelAsync(userId) >= needed)
        {
            context.Succeed(requirement);
        }
    }
}
