using Microsoft.AspNetCore.Mvc;
using Portal.Plans.Services;

namespace Portal.Web.Pages.HostAdmin.Plans;

public sealed class NewPlanModel(PlanCatalog catalog) : PlanFormPageModel(catalog)
{
    public override string SubmitLabel => "Create plan";

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync() => SaveAsync(null);
}
