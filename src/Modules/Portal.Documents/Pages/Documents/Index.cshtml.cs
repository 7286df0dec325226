using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Contracts;
using Portal.Core.Security;

namespace Portal.Documents.Pages.Documents;

/// <summary>The client user's way in: their portal's clients (straight to the only one).</summary>
[Authorize]
public sealed class IndexModel(IClientAccess access) : PageModel
{
    public IReadOnlyList<ClientSummary> Clients { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.IsStaffUser())
        {
            return RedirectToPage("/Admin/Documents/Index");
        }

        var portal = await access.CurrentPortalAsync(User, HttpContext.RequestAborted);
        if (portal is null)
        {
            return RedirectToPage("/Portals/Choose");
        }

        Clients = portal.Clients;
        return Clients.Count == 1 ? RedirectToPage("/Documents/Client", new { clientId = Clients[0].Id }) : Page();
    }
}
