using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Clients.Services;
using Portal.Core.Navigation;
using Portal.Core.Security;

namespace Portal.Clients.Pages.Admin.Clients;

[RequirePermission(Permissions.ManageClientsName)]
public sealed class NewClientModel(ClientStore store) : PageModel
{
    [BindProperty]
    public ClientForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await store.CreateAsync(Input.ToInput(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(Prefix(error.Field), error.Message);
            }

            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        TempData[TempDataKeys.Status] = $"{result.Value!.Name} was added.";
        return RedirectToPage("/Admin/Clients/Details", new { id = result.Value.Id });
    }

    private static string Prefix(string field) => ClientForm.FieldFor(field) is { Length: > 0 } name ? $"{nameof(Input)}.{name}" : "";
}
