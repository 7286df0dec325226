using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Contracts;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Core.Theming;

namespace Portal.Admin.Pages.Admin.Settings;

[RequirePermission(Permissions.ManageSettingsName)]
public sealed class BrandingModel(SiteSettingsStore settings, BrandingLogo logo, IAuditLog audit) : PageModel
{
    [BindProperty]
    public BrandingInput Input { get; set; } = new();

    /// <summary>The current logo as pages show it, or null.</summary>
    public string? LogoPath { get; private set; }

    public async Task OnGetAsync()
    {
        var branding = await settings.GetAsync<BrandingSettings>(HttpContext.RequestAborted);
        Input = new BrandingInput { PrimaryColor = branding.Primary, AccentColor = branding.Accent };
        LogoPath = branding.HasLogo ? BrandingLogo.PathOf(branding) : null;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var current = await settings.GetAsync<BrandingSettings>(cancellationToken);
        var branding = current with { PrimaryColor = Input.PrimaryColor?.Trim() ?? "", AccentColor = Input.AccentColor?.Trim() ?? "" };
        ModelState.AddSettingsProblems(settings.Validate(branding));
        var (bytes, contentType) = await ReadLogoAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            LogoPath = current.HasLogo ? BrandingLogo.PathOf(current) : null;
            return Page();
        }

        string change;
        if (bytes is not null)
        {
            await logo.ReplaceAsync(branding, bytes, contentType!, cancellationToken);
            change = "logo replaced";
        }
        else if (Input.RemoveLogo && current.HasLogo)
        {
            await logo.RemoveAsync(branding, cancellationToken);
            change = "logo removed";
        }
        else
        {
            await settings.SaveAsync(branding, cancellationToken);
            change = "logo kept";
        }

        await audit.RecordAsync(new AuditEntry(AuditActions.SettingsChanged, "settings", BrandingSettings.SectionName, $"PrimaryColor={branding.PrimaryColor}, AccentColor={branding.AccentColor}, {change}"));
        TempData[TempDataKeys.Status] = "Branding saved. Your site and e-mails use it from now on.";
        return RedirectToPage();
    }

    private async Task<(byte[]? Bytes, string? ContentType)> ReadLogoAsync(CancellationToken cancellationToken)
    {
        if (Input.Logo is not { Length: > 0 } file)
        {
            return (null, null);
        }

        if (file.Length > BrandingLogo.MaxBytes)
        {
            ModelState.AddModelError("Input.Logo", $"The logo is larger than {BrandingLogo.MaxBytes / 1024} KB.");
            return (null, null);
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        var (contentType, problem) = BrandingLogo.Check(file.FileName, bytes);
        if (problem is not null)
        {
            ModelState.AddModelError("Input.Logo", $"The logo {problem}");
            return (null, null);
        }

        return (bytes, contentType);
    }
}

public sealed class BrandingInput
{
    public string? PrimaryColor { get; set; }

    public string? AccentColor { get; set; }

    public IFormFile? Logo { get; set; }

    public bool RemoveLogo { get; set; }
}
