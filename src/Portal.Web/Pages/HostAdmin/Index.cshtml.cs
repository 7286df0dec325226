using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Navigation;
using Portal.Core.Tenancy;

namespace Portal.Web.Pages.HostAdmin;

public sealed class PracticesModel(TenantStore store) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public ListPage<TenantRecord> Practices { get; private set; } = new([], 0, 1, PageSize);

    public async Task OnGetAsync()
    {
        Practices = await store.ListAsync(Query, Math.Max(1, PageNumber), PageSize, HttpContext.RequestAborted);
    }
}
