using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Contracts;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Core.Theming;

namespace Portal.Admin.Pages.Admin.Customize;

/// <summary>
/// Customize → Look: the logo (stored at once, replaced or removed) and the brand and accent colors, tried
/// in a live preview of the client site (<see cref="PreviewModel"/>) and published with one button; the
/// published colors reach every server's next request through the section's version.
/// </summary>
[RequirePermission(Permissions.ManageSettingsName)]
public sealed class IndexModel(SiteSettingsStore settings, BrandingLogo logo, IAuditLog audit) : PageModel
{
    [BindProperty]
    public LookInput Input { get; set; } = new();

    /// <summary>The current logo as pages show it, or null.</summary>
    public string? LogoPath { get; private set; }

    public BrandingOptions Limits => logo.Limits;

    /// <summary>The colors the preview shows: the form's, once they are valid colors; the published ones otherwise.</summary>
    public (string Primary, string Accent) Shown { get; private set; }

    public async Task OnGetAsync()
    {
        var branding = await settings.GetAsync<BrandingSettings>(HttpContext.RequestAborted);
        Input = new LookInput { PrimaryColor = branding.Primary, AccentColor = branding.Accent };
        Show(branding);
    }

    /// <summary>Shows the unsaved colors in the preview (for browsers without script; with it, the preview follows the pickers).</summary>
    public async Task<IActionResult> OnPostPreviewAsync()
    {
        var current = await settings.GetAsync<BrandingSettings>(HttpContext.RequestAborted);
        var draft = WithColors(current);
        ModelState.Clear();
        ModelState.AddSettingsProblems(settings.Validate(draft));
        Show(current, draft);
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var current = await settings.GetAsync<BrandingSettings>(cancellationToken);
        var branding = WithColors(current);
        ModelState.Remove($"{nameof(Input)}.{nameof(LookInput.Logo)}");
        ModelState.AddSettingsProblems(settings.Validate(branding));
        if (!ModelState.IsValid)
        {
            Show(current, branding);
            return Page();
        }

        branding = branding with { PrimaryColor = branding.Primary, AccentColor = branding.Accent };
        await settings.SaveAsync(branding, cancellationToken);
        await audit.RecordAsync(new AuditEntry(AuditActions.SettingsChanged, "settings", BrandingSettings.SectionName, $"PrimaryColor={branding.PrimaryColor}, AccentColor={branding.AccentColor}"));
        TempData[TempDataKeys.Status] = "Colors published. Your client site and e-mails use them from now on.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostLogoAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var current = await settings.GetAsync<BrandingSettings>(cancellationToken);
        ModelState.Clear();
        var field = $"{nameof(Input)}.{nameof(LookInput.Logo)}";
        if (Input.Logo is not { } file)
        {
            ModelState.AddModelError(field, $"Choose a PNG or JPG file of at most {Limits.MaxLogoKilobytes:N0} KB and {Limits.MaxLogoWidth:N0} px wide.");
        }
        else if (logo.CheckLength(file.Length) is { } tooLarge)
        {
            ModelState.AddModelError(field, $"The logo {tooLarge}");
        }
        else
        {
            var bytes = await ReadAsync(file, cancellationToken);
            var (image, problem) = logo.Check(bytes);
            if (image is null)
            {
                ModelState.AddModelError(field, $"The logo {problem}");
            }
            else
            {
                await logo.ReplaceAsync(current, bytes, image.ContentType, cancellationToken);
                await audit.RecordAsync(new AuditEntry(AuditActions.SettingsChanged, "settings", BrandingSettings.SectionName, $"logo replaced ({image.Width}x{image.Height} {image.ContentType})"));
                TempData[TempDataKeys.Status] = "Logo saved. Your client site, sign-in page and e-mails show it from now on.";
                return RedirectToPage();
            }
        }

        Input = new LookInput { PrimaryColor = current.Primary, AccentColor = current.Accent };
        Show(current);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveLogoAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var current = await settings.GetAsync<BrandingSettings>(cancellationToken);
        if (current.HasLogo)
        {
            await logo.RemoveAsync(current, cancellationToken);
            await audit.RecordAsync(new AuditEntry(AuditActions.SettingsChanged, "settings", BrandingSettings.SectionName, "logo removed"));
        }

        TempData[TempDataKeys.Status] = "Logo removed. Your practice's name is shown in its place.";
        return RedirectToPage();
    }

    /// <summary>How well text reads on a color, for the warnings beside the pickers.</summary>
    public static double ContrastOf(string color) => BrandColor.ContrastWithText(color);

    private BrandingSettings WithColors(BrandingSettings current)
        => current with { PrimaryColor = Input.PrimaryColor?.Trim() ?? "", AccentColor = Input.AccentColor?.Trim() ?? "" };

    private void Show(BrandingSettings published, BrandingSettings? draft = null)
    {
        LogoPath = published.HasLogo ? BrandingLogo.PathOf(published) : null;
        var shown = draft ?? published;
        Shown = (BrandColor.Normalize(shown.PrimaryColor, published.Primary), BrandColor.Normalize(shown.AccentColor, published.Accent));
    }

    private static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}

public sealed class LookInput
{
    public string? PrimaryColor { get; set; }

    public string? AccentColor { get; set; }

    public IFormFile? Logo { get; set; }
}
