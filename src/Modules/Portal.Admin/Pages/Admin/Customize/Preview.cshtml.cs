using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Core.Theming;

namespace Portal.Admin.Pages.Admin.Customize;

/// <summary>
/// The client site's sign-in page or home as it would look with choices not yet published, framed by the
/// Look tab. Colors are carried in the address (<c>?view=home&amp;primary=%23…&amp;accent=%23…</c>) and
/// reach CSS only through <see cref="BrandingStylesheet"/> after <see cref="BrandColor.Normalize"/>
/// (anything but a color is the published one), so the address cannot inject styles. A logo not yet
/// saved is posted with the same fields (the Look tab's logo form, aimed at the frame): it is checked by
/// the same <see cref="LogoRules"/> as a saved one and shown inline as a <c>data:</c> image (which the
/// site's img-src already allows), never stored. Nothing here is saved.
/// </summary>
[RequirePermission(Permissions.ManageSettingsName)]
public sealed class PreviewModel(SiteSettingsStore settings, BrandingLogo logo) : PageModel
{
    public const string SignInView = "signin";
    public const string HomeView = "home";

    /// <summary>The logo form's file field, which the Look tab also posts here for a preview.</summary>
    public const string LogoField = $"{nameof(IndexModel.Input)}.{nameof(LookInput.Logo)}";

    [BindProperty(SupportsGet = true, Name = "view")]
    public string? View { get; set; }

    [BindProperty(SupportsGet = true, Name = "primary")]
    public string? Primary { get; set; }

    [BindProperty(SupportsGet = true, Name = "accent")]
    public string? Accent { get; set; }

    public BrandingSettings Draft { get; private set; } = new();

    /// <summary>The unsaved logo as a <c>data:</c> URL, once it passed the logo rules; null shows the published one.</summary>
    public string? DraftLogo { get; private set; }

    /// <summary>Why the chosen logo is not shown (it would be refused on saving too).</summary>
    public string? LogoProblem { get; private set; }

    public bool ShowsHome => string.Equals(View, HomeView, StringComparison.Ordinal);

    public async Task OnGetAsync()
    {
        Draft = await DraftAsync();
        FramedBySelf();
    }

    /// <summary>The preview with a logo file that is not saved: checked as the logo form checks it, shown inline, kept nowhere.</summary>
    public async Task<IActionResult> OnPostAsync([FromForm(Name = LogoField)] IFormFile? file)
    {
        Draft = await DraftAsync();
        FramedBySelf();
        if (file is null || file.Length == 0)
        {
            LogoProblem = $"Choose a PNG or JPG file of at most {logo.Limits.MaxLogoKilobytes:N0} KB and {logo.Limits.MaxLogoWidth:N0} px wide to see it here.";
        }
        else if (logo.CheckLength(file.Length) is { } tooLarge)
        {
            LogoProblem = $"The logo {tooLarge}";
        }
        else
        {
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, HttpContext.RequestAborted);
            var bytes = buffer.ToArray();
            var (image, problem) = logo.Check(bytes);
            if (image is null)
            {
                LogoProblem = $"The logo {problem}";
            }
            else
            {
                DraftLogo = $"data:{image.ContentType};base64,{Convert.ToBase64String(bytes)}";
            }
        }

        if (LogoProblem is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
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
