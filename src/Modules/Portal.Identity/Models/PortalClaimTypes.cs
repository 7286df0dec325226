namespace Portal.Identity.Models;

public static class PortalClaimTypes
{
    public const string Permission = "portal:permission";
    public const string UserKind = "portal:kind";
    public const string DisplayName = "portal:name";
    public const string MustChangePassword = "portal:must-change-password";
    public const string TwoFactorEnabled = "portal:2fa";
}
