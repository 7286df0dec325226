namespace Portal.Admin.GettingStarted;

/// <summary>
/// The pages the steps send the administrator to, by page name.
/// </summary>
internal static class GettingStartedPages
{
    public const string Look = "/Admin/Customize/Index";
    public const string Company = "/Admin/Customize/Company";
    public const string NewClient = "/Admin/Clients/New";
    public const string NewPortal = "/Admin/Portals/New";
    public const string Portals = "/Admin/Portals/Index";
}
