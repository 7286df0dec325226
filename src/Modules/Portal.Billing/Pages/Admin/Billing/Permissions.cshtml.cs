using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Billing.Models;
using Portal.Billing.Services;
using Portal.Core.Navigation;
using Portal.Core.Security;

namespace Portal.Billing.Pages.Admin.Billing;

/// <summary>Seed 004's "Payment Permissions": every staff member with their level, and a Change button.</summary>
[RequirePermission(Permissions.ManagePaymentsName)]
public sealed class PaymentPermissionsModel(PaymentLevels levels) : PageModel
{
    public IReadOnlyList<StaffPaymentLevel> Staff { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public Guid? Change { get; set; }

    public async Task OnGetAsync() => Staff = await levels.ListAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync(Guid userId, PaymentLevel? level)
    {
        var staff = await levels.ListAsync(HttpContext.RequestAborted);
        var member = staff.FirstOrDefault(s => s.Staff.Id == userId);
        if (member is null || level is null || !Enum.IsDefined(level.Value))
        {
            TempData[TempDataKeys.Error] = member is null ? "Choose a staff member." : "Choose a level.";
            return RedirectToPage();
        }

        if (member.Staff.IsAdministrator)
        {
            TempData[TempDataKeys.Error] = $"{member.Staff.DisplayName} is an administrator and always has full payment permissions.";
            return RedirectToPage();
        }

        await levels.SetAsync(userId, level.Value, HttpContext.RequestAborted);
        TempData[TempDataKeys.Status] = $"{member.Staff.DisplayName}: {PaymentLevelNames.Of(level.Value)}.";
        return RedirectToPage();
    }
}
