namespace Portal.Admin.GettingStarted;

/// <summary>
/// The pages the steps send the administrator to, by page name. The look and the company details move to
/// the Customize pages (issue 15) when those are merged: these two names are then the only change.
/// </summary>
internal static class GettingStartedPages
{
    public const string Look = "/Admin/Settings/Branding";
    public const string Company = "/Admin/Settings/Index";
    public const string NewClient = "/Admin/Clients/New";
    public const string NewPortal = "/Admin/Portals/New";
    public const string Portals = "/Admin/Portals/Index";
}
