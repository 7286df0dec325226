using System.Security.Claims;

namespace Portal.Clients.Services;

/// <summary>
/// Reads who the signed-in user is. The claim names belong to the Identity module, which this module
/// must not reference; they are part of the principal every module sees (the themes read them too).
/// </summary>
public static class UserClaims
{
    public const string KindClaim = "portal:kind";
    public const string ClientKind = "Client";

    public static Guid? IdOf(ClaimsPrincipal user)
        => user.Identity?.IsAuthenticated == true && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static bool IsClientUser(ClaimsPrincipal user)
        => user.Identity?.IsAuthenticated == true && user.FindFirstValue(KindClaim) == ClientKind;
}
