namespace Portal.Web.HostAdmin;

public static class HostAdminDefaults
{
    /// <summary>The platform operator's cookie scheme (separate from practices' users).</summary>
    public const string Scheme = "PortalHost";

    public const string Policy = "PlatformOperator";

    public const string OperatorClaim = "portal:operator";

    public const string StampClaim = "portal:stamp";
}
