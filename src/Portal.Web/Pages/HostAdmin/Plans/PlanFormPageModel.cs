using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Navigation;
using Portal.Plans.Models;
using Portal.Plans.Services;

namespace Portal.Web.Pages.HostAdmin.Plans;

/// <summary>What the new-plan and edit-plan pages share: the form (<c>_PlanForm</c>) and saving it through <see cref="PlanCatalog"/>.</summary>
public abstract class PlanFormPageModel(PlanCatalog catalog) : PageModel
{
    [BindProperty]
    public PlanInput Input { get; set; } = new();

    public abstract string SubmitLabel { get; }

    protected PlanCatalog Catalog => catalog;

    protected async Task<IActionResult> SaveAsync(Guid? id)
    {
        ModelState.Clear();
        var result = await catalog.SaveAsync(id, Input, Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var operatorId) ? operatorId : null, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            foreach (var (field, problem) in result.Problems)
            {
                ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(Input)}.{field}", problem);
            }

            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        TempData[TempDataKeys.Status] = $"Saved. {PlanCatalog.Describe(result.Plan!)}.";
        return RedirectToPage("/HostAdmin/Plans/Index");
    }

    protected static PlanInput InputOf(Plan plan) => new()
    {
        Name = plan.Name,
        PaymentRequestsPerMonth = plan.PaymentRequestsPerMonth?.ToString(CultureInfo.InvariantCulture),
        StorageGigabytes = plan.StorageGigabytes?.ToString(CultureInfo.InvariantCulture),
        StaffSeats = plan.StaffSeats?.ToString(CultureInfo.InvariantCulture),
    };
}
