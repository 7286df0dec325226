using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Portal.Plans;
using Portal.Plans.Models;
using Portal.Plans.Services;

namespace Portal.Web.Pages.HostAdmin.Plans;

public sealed class PlansModel(PlanCatalog catalog, IOptions<PlansOptions> options) : PageModel
{
    public IReadOnlyList<Plan> Plans { get; private set; } = [];

    public IReadOnlyDictionary<Guid, int> Practices { get; private set; } = new Dictionary<Guid, int>();

    public int FreePaymentRequests => options.Value.FreePaymentRequests;

    public async Task OnGetAsync()
    {
        Plans = await catalog.ListAsync(HttpContext.RequestAborted);
        Practices = await catalog.PracticeCountsAsync(HttpContext.RequestAborted);
    }
}
