using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Contracts;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Identity.Models;
using Portal.Identity.Services;

namespace Portal.Identity.Pages.Admin.Users;

[RequirePermission(Permissions.ManageUsersName)]
public sealed class InviteStaffModel(StaffAdministration staff, RoleAdministration roles) : PageModel
{
    [BindProperty]
    public string DisplayName { get; set; } = "";

    [BindProperty]
    public string Email { get; set; } = "";

    [BindProperty]
    public List<string> SelectedRoles { get; set; } = [PortalRole.Staff];

    [BindProperty]
    public InvitationMethod Method { get; set; } = InvitationMethod.Link;

    public IReadOnlyList<RoleRow> Roles { get; private set; } = [];

    public string? Error { get; private set; }

    public string? TemporaryPassword { get; private set; }

    /// <summary>Set when the plan's staff seats are all taken: said before anyone fills the form in.</summary>
    public string? SeatsFull { get; private set; }

    public async Task OnGetAsync()
    {
        Roles = await roles.ListAsync(HttpContext.RequestAborted);
        SeatsFull = await staff.SeatLimitMessageAsync(HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Roles = await roles.ListAsync(HttpContext.RequestAborted);
        var known = Roles.Select(r => r.Role.Name!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var result = await staff.InviteAsync(Email ?? "", DisplayName ?? "", SelectedRoles.Where(known.Contains).ToList(), Method, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            Error = result.Error;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        if (result.Invitation?.TemporaryPassword is { } password)
        {
            TemporaryPassword = password;
            return Page();
        }

        TempData[TempDataKeys.Status] = result.Invitation?.Outcome == InvitationOutcome.Failed
            ? $"{Email} was added, but the invitation failed: {result.Invitation.Error}"
            : $"{DisplayName} was invited: a link to choose a password was e-mailed to {Email}.";
        return RedirectToPage("/Admin/Users/Edit", new { id = result.User!.Id });
    }
}
