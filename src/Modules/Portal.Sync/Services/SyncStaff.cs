using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Portal.Identity.Models;

namespace Portal.Sync.Services;

/// <summary>
/// Staff members as the portal's own services know a signed-in person (roles, permissions, kind), for
/// work the sync API does in their name: the staff member an assignment note is from (the approver is
/// <see cref="SyncApprover"/>'s). Disabled staff and client users are never returned.
/// </summary>
internal sealed class SyncStaff(UserManager<PortalUser> users, IUserClaimsPrincipalFactory<PortalUser> principals)
{
    public async Task<ClaimsPrincipal?> ByEmailAsync(string email)
        => await users.FindByEmailAsync(email.Trim()) is { } user ? await PrincipalAsync(user) : null;

    private async Task<ClaimsPrincipal?> PrincipalAsync(PortalUser user)
        => user is { Kind: UserKind.Staff, IsDisabled: false } ? await principals.CreateAsync(user) : null;
}
