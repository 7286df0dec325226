namespace Portal.Identity.Models;

public static class PortalClaimTypes
{
    public const string Permission = "portal:permission";
    public const string UserKind = "portal:kind";
    public const string DisplayName = "portal:name";
}
