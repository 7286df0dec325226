using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Sync.Models;

namespace Portal.Sync.Pages.Admin.ConnectedApps;

/// <summary>Every approval of a program in the practice, and Revoke, which takes effect on its next call.</summary>
[RequirePermission(Permissions.SyncName)]
public sealed class ConnectedAppsModel(Services.ConnectedApps connections) : PageModel
{
    public IReadOnlyList<ConnectedApp> Apps { get; private set; } = [];

    public async Task OnGetAsync() => Apps = await connections.ListAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        if (!await connections.RevokeAsync(id, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        TempData[TempDataKeys.Status] = "The connection was revoked: the program can no longer reach the portal until it is approved again.";
        return RedirectToPage();
    }
}
