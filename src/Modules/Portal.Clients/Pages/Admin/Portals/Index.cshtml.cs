using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Clients.Models;
using Portal.Clients.Services;
using Portal.Core.Navigation;
using Portal.Core.Security;

namespace Portal.Clients.Pages.Admin.Portals;

[RequirePermission(Permissions.ManagePortalsName)]
public sealed class PortalsModel(PortalStore portals) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public ListPage<PortalListItem> Portals { get; private set; } = new([], 0, 1, PageSize);

    public string Query => string.IsNullOrWhiteSpace(Search) ? "" : "q=" + Uri.EscapeDataString(Search.Trim());

    public async Task OnGetAsync()
        => Portals = await portals.ListAsync(Search, PageNumber, PageSize, HttpContext.RequestAborted);
}
