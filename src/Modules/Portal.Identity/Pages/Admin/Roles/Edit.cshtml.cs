using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Tenancy;
using Portal.Identity.Models;
using Portal.Identity.Services;

namespace Portal.Identity.Pages.Admin.Roles;

[RequirePermission(Identity.Permissions.ManageRolesName)]
public sealed class EditRoleModel(RoleManager<PortalRole> roleManager, RoleAdministration roles, PermissionCatalog catalog, TenantContext tenantContext) : PageModel
{
    public PortalRole Role { get; private set; } = new();

    public bool IsAdministrator => Role.Name == PortalRole.Administrator;

    public IReadOnlyList<Permission> Permissions { get; private set; } = [];

    [BindProperty]
    public List<string> Granted { get; set; } = [];

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Granted = (await roleManager.GetClaimsAsync(Role)).Where(c => c.Type == PortalClaimTypes.Permission).Select(c => c.Value).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Error = await roles.SetPermissionsAsync(Role, Granted, HttpContext.RequestAborted);
        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        TempData[TempDataKeys.Status] = $"Permissions of {Role.DisplayName} saved.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var error = await roles.DeleteAsync(Role, HttpContext.RequestAborted);
        if (error is not null)
        {
            TempData[TempDataKeys.Error] = error;
            return RedirectToPage(new { id });
        }

        TempData[TempDataKeys.Status] = $"The role {Role.DisplayName} was deleted.";
        return RedirectToPage("/Admin/Roles/Index");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var role = await roleManager.FindByIdAsync(id.ToString());
        if (role is null)
        {
            return false;
        }

        Role = role;
        Permissions = catalog.ForTenant(tenantContext.Tenant);
        return true;
    }
}
