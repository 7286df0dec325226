using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Core.Theming;

namespace Portal.Admin.Pages.Admin.Customize;

/// <summary>
/// The client site's sign-in page or home as it would look with colors not yet published, carried in the
/// address (<c>?view=home&amp;primary=%23…&amp;accent=%23…</c>) and framed by the Look tab. The colors reach
/// CSS only through <see cref="BrandingStylesheet"/> after <see cref="BrandColor.Normalize"/> (anything but
/// a color is the published one), so the address cannot inject styles; nothing is saved.
/// </summary>
[RequirePermission(Permissions.ManageSettingsName)]
public sealed class PreviewModel(SiteSettingsStore settings) : PageModel
{
    public const string SignInView = "signin";
    public const string HomeView = "home";

    [FromQuery(Name = "view")]
    public string? View { get; set; }

    [FromQuery(Name = "primary")]
    public string? Primary { get; set; }

    [FromQuery(Name = "accent")]
    public string? Accent { get; set; }

    public BrandingSettings Draft { get; private set; } = new();

    public bool ShowsHome => string.Equals(View, HomeView, StringComparison.Ordinal);

    public async Task OnGetAsync()
    {
        Draft = await DraftAsync();
        FramedBySelf();
    }

    /// <summary>The draft's stylesheet: the same rendering as /branding.css, from validated colors only.</summary>
    public async Task<IActionResult> OnGetCssAsync()
    {
        Response.Headers.CacheControl = "no-store";
        return Content(BrandingStylesheet.Render(await DraftAsync()), "text/css; charset=utf-8");
    }

    private async Task<BrandingSettings> DraftAsync()
    {
        var published = await settings.GetAsync<BrandingSettings>(HttpContext.RequestAborted);
        return published with
        {
            PrimaryColor = BrandColor.Normalize(Primary ?? "", published.Primary),
            AccentColor = BrandColor.Normalize(Accent ?? "", published.Accent),
        };
    }

    /// <summary>The site's policy, except that the admin's own Look tab may frame it; never kept (it shows drafts).</summary>
    private void FramedBySelf()
    {
        Response.Headers.ContentSecurityPolicy = SecurityHeadersMiddleware.DefaultPolicy.Replace("frame-ancestors 'none'", "frame-ancestors 'self'", StringComparison.Ordinal);
        Response.Headers.XFrameOptions = "SAMEORIGIN";
        Response.Headers.CacheControl = "no-store";
    }
}
