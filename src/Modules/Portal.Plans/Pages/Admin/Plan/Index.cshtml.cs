using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Security;
using Portal.Plans.Services;

namespace Portal.Plans.Pages.Admin.Plan;

/// <summary>The practice's plan and what it has used of it (read-only: the platform operator assigns plans).</summary>
[RequirePermission(Permissions.ViewPlanUsageName)]
public sealed class PlanUsageModel(PlanUsage usage) : PageModel
{
    public PlanUsageSummary Summary { get; private set; } = null!;

    public async Task OnGetAsync() => Summary = await usage.GetAsync(HttpContext.RequestAborted);
}
