using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Admin.GettingStarted;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Tenancy;

namespace Portal.Admin.Pages.Admin.GettingStarted;

/// <summary>
/// The getting-started assistant: the steps in order, each done (from the practice's real state),
/// skipped or still to do; any of them can be left and picked up again later, here or from the dashboard.
/// </summary>
[RequirePermission(Permissions.ManageSettingsName)]
public sealed class IndexModel(GettingStartedAssistant assistant, TenantContext tenantContext, TenantUrls urls) : PageModel
{
    public GettingStartedOverview Overview { get; private set; } = null!;

    /// <summary>The portal's own address (fixed), then any domains added since.</summary>
    public string Address { get; private set; } = "";

    public IReadOnlyList<string> OtherAddresses { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Overview = await assistant.OverviewAsync(HttpContext.RequestAborted);
        var tenant = tenantContext.Tenant;
        Address = urls.BaseUrl(tenant);
        OtherAddresses = tenant.HostNames.Select(h => $"{Request.Scheme}://{h}").ToList();
    }

    public async Task<IActionResult> OnPostConfirmAddressAsync()
    {
        await assistant.ConfirmAddressAsync(HttpContext.RequestAborted);
        TempData[TempDataKeys.Status] = "Noted. Next: your logo.";
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostSkipAsync(string? step) => SkipAsync(step, skip: true);

    public Task<IActionResult> OnPostUnskipAsync(string? step) => SkipAsync(step, skip: false);

    public async Task<IActionResult> OnPostDismissAsync()
    {
        await assistant.DismissAsync(true, HttpContext.RequestAborted);
        TempData[TempDataKeys.Status] = "The assistant is hidden from your dashboard. It stays here, under Getting started, whenever you want it.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResumeAsync()
    {
        await assistant.DismissAsync(false, HttpContext.RequestAborted);
        TempData[TempDataKeys.Status] = "The dashboard shows what is left again.";
        return RedirectToPage();
    }

    private async Task<IActionResult> SkipAsync(string? step, bool skip)
    {
        if (!Enum.TryParse<GettingStartedStep>(step, ignoreCase: false, out var which) || !Enum.IsDefined(which))
        {
            TempData[TempDataKeys.Error] = "That step is not one of the assistant's: nothing was changed.";
            return RedirectToPage();
        }

        await assistant.SkipAsync(which, skip, HttpContext.RequestAborted);
        TempData[TempDataKeys.Status] = skip ? "Skipped for now. You can come back to it here at any time." : "Back on the list.";
        return RedirectToPage();
    }
}
