using Portal.Core.Security;

namespace Portal.Identity.Models;

public static class PortalClaimTypes
{
    public const string Permission = "portal:permission";
    public const string UserKind = PortalPrincipal.KindClaim;
    public const string DisplayName = PortalPrincipal.DisplayNameClaim;
    public const string MustChangePassword = "portal:must-change-password";
    public const string TwoFactorEnabled = "portal:2fa";
}
