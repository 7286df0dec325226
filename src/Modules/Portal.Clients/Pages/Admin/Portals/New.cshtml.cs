using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Clients.Services;
using Portal.Core.Navigation;
using Portal.Core.Security;

namespace Portal.Clients.Pages.Admin.Portals;

[RequirePermission(Permissions.ManagePortalsName)]
public sealed class NewPortalModel(PortalStore portals) : PageModel
{
    [BindProperty]
    [Display(Name = "Name")]
    public string? Name { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await portals.CreateAsync(Name ?? "", HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Name), result.Errors[0].Message);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        TempData[TempDataKeys.Status] = $"Portal {result.Value!.Name} created. Now add its clients and users.";
        return RedirectToPage("/Admin/Portals/Details", new { id = result.Value.Id });
    }
}
