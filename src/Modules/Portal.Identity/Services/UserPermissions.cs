using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Portal.Core.Contracts;
using Portal.Core.Security;
using Portal.Identity.Models;

namespace Portal.Identity.Services;

/// <summary>
/// The user's principal as sign-in would build it, put through the permission policy, so roles, direct
/// grants and the administrator's "every permission" count exactly as they do on pages.
/// </summary>
internal sealed class UserPermissions(
    UserManager<PortalUser> users,
    IUserClaimsPrincipalFactory<PortalUser> principals,
    IAuthorizationService authorization) : IUserPermissions
{
    public async Task<bool> HoldsAsync(Guid userId, string permission, CancellationToken cancellationToken = default)
    {
        if (await users.FindByIdAsync(userId.ToString()) is not { IsDisabled: false } user)
        {
            return false;
        }

        var principal = await principals.CreateAsync(user);
        return (await authorization.AuthorizeAsync(principal, null, new PermissionRequirement(permission))).Succeeded;
    }
}
