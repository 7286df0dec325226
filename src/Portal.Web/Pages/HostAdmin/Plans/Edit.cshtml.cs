using Microsoft.AspNetCore.Mvc;
using Portal.Core.Contracts;
using Portal.Plans.Models;
using Portal.Plans.Services;

namespace Portal.Web.Pages.HostAdmin.Plans;

public sealed class EditPlanModel(PlanCatalog catalog, IEnumerable<IAuditActionDescriptions> actions) : PlanFormPageModel(catalog)
{
    private readonly Dictionary<string, string> _actionNames = actions.SelectMany(a => a.Describe())
        .DistinctBy(d => d.Action, StringComparer.Ordinal)
        .ToDictionary(d => d.Action, d => d.Name, StringComparer.Ordinal);

    public override string SubmitLabel => "Save plan";

    public Plan Plan { get; private set; } = new();

    public IReadOnlyList<PlanChange> Changes { get; private set; } = [];

    /// <summary>What a change is called ("Plan changed"), never its recorded code; a code no module describes any more reads as a plain "Change".</summary>
    public string ActionName(string action) => _actionNames.GetValueOrDefault(action, "Change");

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
