using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Identity.Services;

namespace Portal.Identity.Pages.Admin.Users;

[RequirePermission(Permissions.ManageUsersName)]
public sealed class StaffListModel(StaffAdministration staff) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public ListPage<StaffRow> Staff { get; private set; } = new([], 0, 1, 25);

    public async Task OnGetAsync() => Staff = await staff.ListAsync(Query, Math.Max(1, PageNumber), 25, HttpContext.RequestAborted);
}
