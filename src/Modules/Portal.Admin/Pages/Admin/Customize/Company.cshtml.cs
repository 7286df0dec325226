using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Contracts;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Core.Tenancy;

namespace Portal.Admin.Pages.Admin.Customize;

/// <summary>
/// Customize → Company: the practice's name (its registry entry) and the contact details of the site
/// section, which the client site shows in its footer and on its contact details page, and e-mails sign with.
/// </summary>
[RequirePermission(Permissions.ManageSettingsName)]
public sealed class CompanyModel(SiteSettingsStore settings, TenantStore tenants, TenantContext tenantContext, IAuditLog audit) : PageModel
{
    [BindProperty]
    public CompanyInput Input { get; set; } = new();

    public async Task OnGetAsync()
    {
        var site = await settings.GetAsync<SiteSettings>(HttpContext.RequestAborted);
        Input = new CompanyInput
        {
            Name = tenantContext.Tenant.DisplayName,
            Address = site.Address,
            Phone = site.ContactPhone,
            Email = site.ContactEmail,
            Website = site.WebsiteUrl,
            Hours = site.Hours,
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var site = await settings.GetAsync<SiteSettings>(cancellationToken) with
        {
            Address = Blank(Input.Address),
            ContactPhone = Blank(Input.Phone),
            ContactEmail = Blank(Input.Email),
            WebsiteUrl = Blank(Input.Website),
            Hours = Blank(Input.Hours),
        };

        // The section's validator speaks of its own fields; this form names them as people do.
        foreach (var problem in settings.Validate(site))
        {
            var field = problem.Field switch
            {
                "contactEmail" => nameof(CompanyInput.Email),
                "contactPhone" => nameof(CompanyInput.Phone),
                "websiteUrl" => nameof(CompanyInput.Website),
                "address" => nameof(CompanyInput.Address),
                "hours" => nameof(CompanyInput.Hours),
                _ => null,
            };
            var message = Portal.Core.Text.Sentence.End(char.ToUpperInvariant(problem.Message[0]) + problem.Message[1..]);
            if (field is null)
            {
                ModelState.AddModelError("", message);
            }
            else if (ModelState[$"Input.{field}"] is not { Errors.Count: > 0 })
            {
                ModelState.AddModelError($"Input.{field}", message);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await settings.SaveAsync(site, cancellationToken);
        var name = Input.Name.Trim();
        if (name != tenantContext.Tenant.DisplayName)
        {
            await tenants.SetDisplayNameAsync(tenantContext.Tenant.Name, name, cancellationToken);
        }

        await audit.RecordAsync(new AuditEntry(AuditActions.SettingsChanged, "settings", SiteSettings.SectionName, "company information"));
        TempData[TempDataKeys.Status] = "Company information saved. Your client site shows it from now on.";
        return RedirectToPage();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class CompanyInput
{
    [Required(ErrorMessage = "Enter the practice's name.")]
    [StringLength(200, ErrorMessage = "Use at most 200 characters.")]
    public string Name { get; set; } = "";

    [StringLength(SiteSettings.MaxTextLength, ErrorMessage = "Use at most {1} characters.")]
    public string? Address { get; set; }

    [StringLength(SiteSettings.MaxPhoneLength, ErrorMessage = "Use at most {1} characters.")]
    public string? Phone { get; set; }

    [StringLength(SiteSettings.MaxEmailLength, ErrorMessage = "Use at most {1} characters.")]
    public string? Email { get; set; }

    [StringLength(SiteSettings.MaxWebsiteLength, ErrorMessage = "Use at most {1} characters.")]
    public string? Website { get; set; }

    [StringLength(SiteSettings.MaxTextLength, ErrorMessage = "Use at most {1} characters.")]
    public string? Hours { get; set; }
}
