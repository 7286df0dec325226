using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Core.Time;

namespace Portal.Admin.Pages.Admin.Settings;

[RequirePermission(Permissions.ManageSettingsName)]
public sealed class GeneralSettingsModel(SiteSettingsStore settings, TimeProvider clock) : PageModel
{
    [BindProperty]
    public GeneralSettingsInput Input { get; set; } = new();

    public IEnumerable<SelectListItem> TimeZones => TimeZoneChoices.At(clock.GetUtcNow())
        .Select(z => new SelectListItem(z.Label, z.Id, z.Id == Input.TimeZone));

    public async Task OnGetAsync()
    {
        var site = await settings.GetAsync<SiteSettings>(HttpContext.RequestAborted);
        Input = new GeneralSettingsInput
        {
            TimeZone = site.TimeZone,
            Welcome = site.Welcome,
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var site = await settings.GetAsync<SiteSettings>(HttpContext.RequestAborted) with
        {
            TimeZone = Input.TimeZone ?? "",
            Welcome = Blank(Input.Welcome),
        };
        var problems = settings.Validate(site);
        ModelState.AddSettingsProblems(problems.Where(p => p.Field is "timeZone" or "welcome"));

        // A stored detail of another page that no longer passes (an http:// website from before) is named at the top.
        foreach (var other in problems.Where(p => p.Field is not ("timeZone" or "welcome")))
        {
            ModelState.AddModelError("", $"Your company information needs a fix first (Customize → Company): {other.Field} {other.Message}");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await settings.SaveAsync(site, HttpContext.RequestAborted);
        TempData[TempDataKeys.Status] = "Settings saved.";
        return RedirectToPage();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class GeneralSettingsInput
{
    public string? TimeZone { get; set; } = "UTC";

    [StringLength(SiteSettings.MaxTextLength)]
    public string? Welcome { get; set; }
}
