using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Identity.Services;

namespace Portal.Identity.Pages.Admin.Roles;

[RequirePermission(Permissions.ManageRolesName)]
public sealed class RolesModel(RoleAdministration roles) : PageModel
{
    [BindProperty]
    public string NewName { get; set; } = "";

    [BindProperty]
    public string? NewDescription { get; set; }

    public IReadOnlyList<RoleRow> Roles { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync() => Roles = await roles.ListAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        var (role, error) = await roles.CreateAsync(NewName, NewDescription, HttpContext.RequestAborted);
        if (role is null)
        {
            Error = error;
            Roles = await roles.ListAsync(HttpContext.RequestAborted);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        TempData[TempDataKeys.Status] = $"{role.DisplayName} was created. Choose its permissions.";
        return RedirectToPage("/Admin/Roles/Edit", new { id = role.Id });
    }
}
