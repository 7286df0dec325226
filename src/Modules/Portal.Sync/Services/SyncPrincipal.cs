using System.Security.Claims;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Sync.Services;

/// <summary>The identity a program acts as: the staff member who approved it, in one practice.</summary>
internal static class SyncPrincipal
{
    public static ClaimsPrincipal Create(Guid userId, string name, string practice, IEnumerable<string> scopes, string authorizationId)
    {
        var identity = new ClaimsIdentity("portal-sync", Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, userId.ToString())
            .SetClaim(Claims.Name, name)
            .SetClaim(SyncClaims.Practice, practice);
        identity.SetScopes(scopes);
        identity.SetAuthorizationId(authorizationId);
        return WithDestinations(new ClaimsPrincipal(identity));
    }

    /// <summary>Every claim goes into the access token only: there are no identity tokens.</summary>
    public static ClaimsPrincipal WithDestinations(ClaimsPrincipal principal)
    {
        principal.SetDestinations(_ => [Destinations.AccessToken]);
        return principal;
    }
}
