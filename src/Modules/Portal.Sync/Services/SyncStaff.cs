using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using Portal.Identity.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Sync.Services;

/// <summary>
/// Staff members as the portal's own services know a signed-in person (roles, permissions, kind), for
/// work the sync API does in their name: the one who approved the program, and the staff member an
/// assignment note is from. Disabled staff and client users are never returned.
/// </summary>
internal sealed class SyncStaff(UserManager<PortalUser> users, IUserClaimsPrincipalFactory<PortalUser> principals)
{
    /// <summary>The approver of the token's connection, signed in as themselves; null when they may no longer act.</summary>
    public async Task<ClaimsPrincipal?> ApproverAsync(ClaimsPrincipal token)
        => Guid.TryParse(token.GetClaim(Claims.Subject), out var id) && await users.FindByIdAsync(id.ToString()) is { } user
            ? await PrincipalAsync(user)
            : null;

    public async Task<ClaimsPrincipal?> ByEmailAsync(string email)
        => await users.FindByEmailAsync(email.Trim()) is { } user ? await PrincipalAsync(user) : null;

    private async Task<ClaimsPrincipal?> PrincipalAsync(PortalUser user)
        => user is { Kind: UserKind.Staff, IsDisabled: false } ? await principals.CreateAsync(user) : null;
}
