using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Clients.Models;
using Portal.Clients.Services;
using Portal.Core.Contracts;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Text;

namespace Portal.Clients.Pages.Portals;

/// <summary>
/// Where a client user with several portals picks the one to work in. The choice is remembered in a
/// protected cookie and checked against their memberships on every request.
/// </summary>
[Authorize]
public sealed class ChoosePortalModel(ActivePortals activePortals, PortalStore portals, IClientAccess access, PortalChoiceCookie choice) : PageModel
{
    public IReadOnlyList<ActivePortal> Portals { get; private set; } = [];

    public Guid? CurrentId { get; private set; }

    public ILookup<Guid, string> ClientNames { get; private set; } = Array.Empty<string>().ToLookup(_ => Guid.Empty);

    public bool IsClientUser { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        if (IsClientUser && CurrentId is null && choice.Read(User.IdOf()!.Value) is not null)
        {
            // The remembered portal is no longer theirs: forget it.
            choice.Clear();
        }
    }

    public async Task<IActionResult> OnPostAsync(Guid portalId)
    {
        await LoadAsync();
        var chosen = Portals.FirstOrDefault(p => p.PortalId == portalId);
        if (!IsClientUser || chosen is null)
        {
            Error = "You do not have access to that portal. Choose one of the portals below, or contact the practice.";
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        choice.Write(User.IdOf()!.Value, chosen.PortalId);
        TempData[TempDataKeys.Status] = Sentence.End($"You are now working in {chosen.Name}");
        return RedirectToPage("/Index");
    }

    private async Task LoadAsync()
    {
        IsClientUser = User.IsClientUser();
        if (!IsClientUser || User.IdOf() is not { } userId)
        {
            return;
        }

        Portals = await activePortals.ForUserAsync(userId, HttpContext.RequestAborted);
        ClientNames = await portals.ActiveClientNamesAsync(Portals.Select(p => p.PortalId).ToList(), HttpContext.RequestAborted);
        CurrentId = (await access.CurrentPortalAsync(User, HttpContext.RequestAborted))?.PortalId;
    }
}
