using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Navigation;
using Portal.Core.Tenancy;
using Portal.Plans.Services;
using PlanRecord = Portal.Plans.Models.Plan;

namespace Portal.Web.Pages.HostAdmin.Practices;

/// <summary>Assigns a plan to a practice, or takes it away (back to the free allowance); recorded in the plans' audit.</summary>
public sealed class PracticePlanModel(TenantStore store, PlanCatalog catalog) : PageModel
{
    public const string NoPlan = "none";

    public TenantRecord Practice { get; private set; } = new();

    public IReadOnlyList<PlanRecord> Plans { get; private set; } = [];

    public PlanRecord? Current { get; private set; }

    [BindProperty]
    public string? PlanId { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string name)
    {
        if (!await LoadAsync(name))
        {
            return NotFound();
        }

        PlanId = Current?.Id.ToString() ?? NoPlan;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string name)
    {
        if (!await LoadAsync(name))
        {
            return NotFound();
        }

        Guid? planId = null;
        if (PlanId != NoPlan)
        {
            planId = Guid.TryParse(PlanId, out var parsed) ? parsed : Guid.Empty;
        }

        var operatorId = Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : (Guid?)null;
        Error = string.IsNullOrEmpty(PlanId)
            ? "Choose a plan, or no plan."
            : await catalog.AssignAsync(Practice.Id, Practice.DisplayName, planId, operatorId, HttpContext.RequestAborted);
        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var plan = Plans.FirstOrDefault(p => p.Id == planId);
        TempData[TempDataKeys.Status] = plan is null
            ? $"{Practice.DisplayName} has no plan: the free allowance applies."
            : $"{Practice.DisplayName} is on the {plan.Name} plan.";
        return RedirectToPage("/HostAdmin/Practices/Details", new { name });
    }

    private async Task<bool> LoadAsync(string name)
    {
        if (await store.FindAsync(name, HttpContext.RequestAborted) is not { } record)
        {
            return false;
        }

        Practice = record;
        Plans = await catalog.ListAsync(HttpContext.RequestAborted);
        Current = await catalog.PlanOfAsync(record.Id, HttpContext.RequestAborted);
        return true;
    }
}
