using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Contracts;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Core.Theming;

namespace Portal.Admin.Pages.Admin.Customize;

/// <summary>What clients may do on the practice's site: each switch is enforced by its module on the server.</summary>
[RequirePermission(Permissions.ManageSettingsName)]
public sealed class SwitchesModel(SiteSettingsStore settings, IAuditLog audit) : PageModel
{
    [BindProperty]
    public SwitchesInput Input { get; set; } = new();

    public async Task OnGetAsync()
    {
        var switches = await settings.GetAsync<ClientSiteSwitches>(HttpContext.RequestAborted);
        Input = new SwitchesInput
        {
            ClientUploads = switches.ClientUploads,
            ClientMessages = switches.ClientMessages,
            ClientBilling = switches.ClientBilling,
            EmailClientsOnSentFiles = switches.EmailClientsOnSentFiles,
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var current = await settings.GetAsync<ClientSiteSwitches>(cancellationToken);
        var chosen = current with
        {
            ClientUploads = Input.ClientUploads,
            ClientMessages = Input.ClientMessages,
            ClientBilling = Input.ClientBilling,
            EmailClientsOnSentFiles = Input.EmailClientsOnSentFiles,
        };
        var changes = SwitchNames.Changes(current, chosen);
        if (changes.Count == 0)
        {
            TempData[TempDataKeys.Status] = "Nothing changed.";
            return RedirectToPage();
        }

        await settings.SaveAsync(chosen, cancellationToken);
        await audit.RecordAsync(new AuditEntry(AuditActions.SettingsChanged, "settings", ClientSiteSwitches.SectionName, string.Join(", ", changes)), cancellationToken);
        TempData[TempDataKeys.Status] = "Saved. Your clients' site follows these switches from their next page.";
        return RedirectToPage();
    }
}

public sealed class SwitchesInput
{
    public bool ClientUploads { get; set; }

    public bool ClientMessages { get; set; }

    public bool ClientBilling { get; set; }

    public bool EmailClientsOnSentFiles { get; set; }
}
