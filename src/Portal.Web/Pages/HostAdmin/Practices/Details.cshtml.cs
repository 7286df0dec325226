using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Portal.Core.Contracts;
using Portal.Core.Modules;
using Portal.Core.Navigation;
using Portal.Core.Tenancy;
using Portal.Core.Text;

namespace Portal.Web.Pages.HostAdmin.Practices;

public sealed class PracticeDetailsModel(
    TenantStore store,
    TenantRegistry registry,
    TenantUrls urls,
    TenantScopeFactory scopes,
    ModuleCatalog catalog,
    IOptions<TenancyOptions> tenancy) : PageModel
{
    public TenantRecord Practice { get; private set; } = new();

    public string PortalUrl { get; private set; } = "";

    public string PrefixUrl { get; private set; } = "";

    public IReadOnlyList<string> Features { get; private set; } = [];

    public string? HostNameInput { get; private set; }

    public string? HostNameError { get; private set; }

    public async Task<IActionResult> OnGetAsync(string name) => await LoadAsync(name) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDisableAsync(string name) => await SetStateAsync(name, TenantState.Disabled, "is disabled. Its site now shows an 'unavailable' page.");

    public async Task<IActionResult> OnPostEnableAsync(string name) => await SetStateAsync(name, TenantState.Running, "is enabled again.");

    public async Task<IActionResult> OnPostAddHostAsync(string name, string? hostName)
    {
        if (!await LoadAsync(name))
        {
            return NotFound();
        }

        var result = await store.AddHostNameAsync(name, hostName ?? "", HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            HostNameInput = hostName;
            HostNameError = result.Error;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        TempData[TempDataKeys.Status] = Sentence.End($"{result.HostName} now serves {Practice.DisplayName}");
        return RedirectToPage(new { name });
    }

    public async Task<IActionResult> OnPostRemoveHostAsync(string name, string hostName)
    {
        await store.RemoveHostNameAsync(name, hostName, HttpContext.RequestAborted);
        TempData[TempDataKeys.Status] = $"{hostName} no longer serves this practice.";
        return RedirectToPage(new { name });
    }

    public async Task<IActionResult> OnPostResendInvitationAsync(string name)
    {
        var tenant = registry.Find(name);
        if (tenant is null || tenant.State != TenantState.Running || !await LoadAsync(name))
        {
            return NotFound();
        }

        await using var scope = scopes.CreateScope(tenant);
        var invitations = scope.ServiceProvider.GetRequiredService<IAdministratorInvitations>();
        if (await invitations.ResendSetPasswordLinkAsync(Practice.AdminEmail, HttpContext.RequestAborted) == AdministratorInvitationOutcome.Sent)
        {
            TempData[TempDataKeys.Status] = $"A new set-password link was e-mailed to {Practice.AdminEmail}.";
        }
        else
        {
            TempData[TempDataKeys.Error] = $"{Practice.AdminEmail} is no longer a user of this practice.";
        }

        return RedirectToPage(new { name });
    }

    private async Task<IActionResult> SetStateAsync(string name, TenantState state, string message)
    {
        var current = registry.Find(name);
        if (current is null || current.State is not (TenantState.Running or TenantState.Disabled))
        {
            return NotFound();
        }

        await store.SetStateAsync(name, state, HttpContext.RequestAborted);
        TempData[TempDataKeys.Status] = $"{current.DisplayName} {message}";
        return RedirectToPage(new { name });
    }

    private async Task<bool> LoadAsync(string name)
    {
        var record = await store.FindAsync(name, HttpContext.RequestAborted);
        if (record is null)
        {
            return false;
        }

        Practice = record;
        var descriptor = record.ToDescriptor();
        PortalUrl = urls.BaseUrl(descriptor);
        PrefixUrl = tenancy.Value.PublicUrl.TrimEnd('/') + TenantResolver.PrefixPath(record.Name);
        Features = record.GetEnabledFeatures().Select(id => catalog.Features.Find(id)?.Name ?? id).Order(StringComparer.CurrentCulture).ToList();
        return true;
    }
}
