using Microsoft.AspNetCore.Mvc;
using Portal.Plans.Models;
using Portal.Plans.Services;

namespace Portal.Web.Pages.HostAdmin.Plans;

public sealed class EditPlanModel(PlanCatalog catalog) : PlanFormPageModel(catalog)
{
    public override string SubmitLabel => "Save plan";

    public Plan Plan { get; private set; } = new();

    public IReadOnlyList<PlanChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input = InputOf(Plan);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id) => await LoadAsync(id) ? await SaveAsync(id) : NotFound();

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await Catalog.FindAsync(id, HttpContext.RequestAborted) is not { } plan)
        {
            return false;
        }

        Plan = plan;
        Changes = await Catalog.ChangesAsync(id, HttpContext.RequestAborted);
        return true;
    }
}
