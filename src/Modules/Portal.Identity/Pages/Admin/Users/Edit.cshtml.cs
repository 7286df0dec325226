using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Contracts;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Tenancy;
using Portal.Core.Text;
using Portal.Identity.Models;
using Portal.Identity.Services;

namespace Portal.Identity.Pages.Admin.Users;

[RequirePermission(Identity.Permissions.ManageUsersName)]
public sealed class EditStaffModel(
    UserManager<PortalUser> users,
    StaffAdministration staff,
    RoleAdministration roles,
    PermissionCatalog permissionCatalog,
    IUserDirectory directory,
    TenantContext tenantContext) : PageModel
{
    public PortalUser Person { get; private set; } = new();

    [BindProperty]
    public string DisplayName { get; set; } = "";

    [BindProperty]
    public List<string> SelectedRoles { get; set; } = [];

    [BindProperty]
    public List<string> Grants { get; set; } = [];

    public IReadOnlyList<RoleRow> Roles { get; private set; } = [];

    public IReadOnlyList<Permission> Permissions { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        DisplayName = Person.DisplayName;
        SelectedRoles = (await users.GetRolesAsync(Person)).ToList();
        Grants = (await users.GetClaimsAsync(Person)).Where(c => c.Type == PortalClaimTypes.Permission).Select(c => c.Value).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Error = await staff.UpdateAsync(Person, DisplayName ?? "", SelectedRoles, Grants, User, HttpContext.RequestAborted);
        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        TempData[TempDataKeys.Status] = "Saved.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDisableAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var error = await staff.DisableAsync(Person, User, HttpContext.RequestAborted);
        TempData[error is null ? TempDataKeys.Status : TempDataKeys.Error] = error ?? $"{Person.DisplayName} is disabled and has been signed out.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostEnableAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var error = await staff.EnableAsync(Person, HttpContext.RequestAborted);
        TempData[error is null ? TempDataKeys.Status : TempDataKeys.Error] = error ?? $"{Person.DisplayName} can sign in again.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostResendAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var result = await directory.InviteAsync(Person.Id, InvitationMethod.Link, HttpContext.RequestAborted);
        TempData[result.Outcome == InvitationOutcome.Failed ? TempDataKeys.Error : TempDataKeys.Status] = result.Outcome switch
        {
            InvitationOutcome.AlreadyActive => $"{Person.DisplayName} has already signed in; nothing was sent or reset.",
            InvitationOutcome.Failed => result.Error,
            _ => $"A new invitation link was e-mailed to {Person.Email}; earlier links no longer work.",
        };
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostResetTwoFactorAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        await staff.ResetTwoFactorAsync(Person, HttpContext.RequestAborted);
        TempData[TempDataKeys.Status] = Sentence.End($"Two-factor sign-in was reset for {Person.DisplayName}");
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var person = await users.FindByIdAsync(id.ToString());
        if (person is null || person.Kind != UserKind.Staff)
        {
            return false;
        }

        Person = person;
        Roles = await roles.ListAsync(HttpContext.RequestAborted);
        Permissions = permissionCatalog.ForTenant(tenantContext.Tenant);
        return true;
    }
}
