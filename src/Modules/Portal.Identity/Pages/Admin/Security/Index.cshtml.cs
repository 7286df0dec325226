using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Identity.Models;

namespace Portal.Identity.Pages.Admin.Security;

[RequirePermission(Permissions.ManageSecurityName)]
public sealed class SecurityModel(SiteSettingsStore settings, UserManager<PortalUser> users, IAuditLog audit) : PageModel
{
    [BindProperty]
    public bool RequireTwoFactorForStaff { get; set; }

    public int StaffWithoutTwoFactor { get; private set; }

    public async Task OnGetAsync()
    {
        RequireTwoFactorForStaff = (await settings.GetAsync<SecuritySettings>(HttpContext.RequestAborted)).RequireTwoFactorForStaff;
        StaffWithoutTwoFactor = await users.Users.CountAsync(u => u.Kind == UserKind.Staff && !u.IsDisabled && !u.TwoFactorEnabled, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var security = await settings.GetAsync<SecuritySettings>(HttpContext.RequestAborted);
        await settings.SaveAsync(security with { RequireTwoFactorForStaff = RequireTwoFactorForStaff }, HttpContext.RequestAborted);
        await audit.RecordAsync(new AuditEntry(AuditActions.SettingsChanged, AuditTargetTypes.Settings, SecuritySettings.SectionName, RequireTwoFactorForStaff ? "two-factor sign-in required for staff" : "two-factor sign-in optional for staff"));
        TempData[TempDataKeys.Status] = RequireTwoFactorForStaff ? "Staff must now use two-factor sign-in." : "Two-factor sign-in is now optional for staff.";
        return RedirectToPage();
    }
}
