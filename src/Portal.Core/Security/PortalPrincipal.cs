using System.Security.Claims;

namespace Portal.Core.Security;

/// <summary>
/// What any module may read of the signed-in practice user. The Identity module issues these claims;
/// their names live here, in the shared core, so that modules and themes read them without
/// referencing Identity.
/// </summary>
public static class PortalPrincipal
{
    public const string KindClaim = "portal:kind";
    public const string DisplayNameClaim = "portal:name";
    public const string StaffKind = "Staff";
    public const string ClientKind = "Client";

    /// <summary>The user's id, or null when nobody is signed in.</summary>
    public static Guid? IdOf(this ClaimsPrincipal user)
        => user.Identity?.IsAuthenticated == true && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static bool IsClientUser(this ClaimsPrincipal user)
        => user.Identity?.IsAuthenticated == true && user.FindFirstValue(KindClaim) == ClientKind;

    public static bool IsStaffUser(this ClaimsPrincipal user)
        => user.Identity?.IsAuthenticated == true && user.FindFirstValue(KindClaim) == StaffKind;

    /// <summary>The name the user is shown by (falls back to the sign-in name).</summary>
    public static string DisplayNameOf(this ClaimsPrincipal user)
        => user.FindFirstValue(DisplayNameClaim) ?? user.Identity?.Name ?? "";
}
