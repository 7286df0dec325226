using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Core.Time;

namespace Portal.Admin.Pages.Admin.Settings;

[RequirePermission(Permissions.ManageSettingsName)]
public sealed class GeneralSettingsModel(SiteSettingsStore settings, TenantStore tenants, TenantContext tenantContext, TimeProvider clock) : PageModel
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
            DisplayName = tenantContext.Tenant.DisplayName,
            ContactEmail = site.ContactEmail,
            ContactPhone = site.ContactPhone,
            Address = site.Address,
            WebsiteUrl = site.WebsiteUrl,
            TimeZone = site.TimeZone,
            Welcome = site.Welcome,
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var site = await settings.GetAsync<SiteSettings>(HttpContext.RequestAborted) with
        {
            ContactEmail = Blank(Input.ContactEmail),
            ContactPhone = Blank(Input.ContactPhone),
            Address = Blank(Input.Address),
            WebsiteUrl = Blank(Input.WebsiteUrl),
            TimeZone = Input.TimeZone ?? "",
            Welcome = Blank(Input.Welcome),
        };
        ModelState.AddSettingsProblems(settings.Validate(site));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await settings.SaveAsync(site, HttpContext.RequestAborted);
        if (Input.DisplayName.Trim() != tenantContext.Tenant.DisplayName)
        {
            await tenants.SetDisplayNameAsync(tenantContext.Tenant.Name, Input.DisplayName.Trim(), HttpContext.RequestAborted);
        }

        TempData[TempDataKeys.Status] = "Settings saved.";
        return RedirectToPage();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class GeneralSettingsInput
{
    [Required(ErrorMessage = "Enter the practice's name.")]
    [StringLength(200, ErrorMessage = "Use at most 200 characters.")]
    public string DisplayName { get; set; } = "";

    [EmailAddress(ErrorMessage = "Enter an e-mail address such as office@yourpractice.com.")]
    [StringLength(SiteSettings.MaxEmailLength)]
    public string? ContactEmail { get; set; }

    [StringLength(SiteSettings.MaxPhoneLength)]
    public string? ContactPhone { get; set; }

    [StringLength(SiteSettings.MaxTextLength)]
    public string? Address { get; set; }

    [Url(ErrorMessage = "Enter a web address starting with https://.")]
    [StringLength(SiteSettings.MaxWebsiteLength)]
    public string? WebsiteUrl { get; set; }

    public string? TimeZone { get; set; } = "UTC";

    [StringLength(SiteSettings.MaxTextLength)]
    public string? Welcome { get; set; }
}
