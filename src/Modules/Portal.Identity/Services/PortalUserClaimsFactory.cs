using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Identity.Models;

namespace Portal.Identity.Services;

/// <summary>Adds the user's kind (staff or client) and display name to the sign-in principal.</summary>
public sealed class PortalUserClaimsFactory(
    UserManager<PortalUser> users,
    RoleManager<PortalRole> roles,
    IOptions<IdentityOptions> options) : UserClaimsPrincipalFactory<PortalUser, PortalRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaimTypes.UserKind, user.Kind.ToString()));
        identity.AddClaim(new Claim(PortalClaimTypes.DisplayName, user.DisplayName));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(PortalClaimTypes.MustChangePassword, "true"));
        }

        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(PortalClaimTypes.TwoFactorEnabled, "true"));
        }

        // Per-user grants (e.g. payments) on top of roles.
        foreach (var claim in await UserManager.GetClaimsAsync(user))
        {
            if (claim.Type == PortalClaimTypes.Permission)
            {
                identity.AddClaim(claim);
            }
        }

        return identity;
    }
}
