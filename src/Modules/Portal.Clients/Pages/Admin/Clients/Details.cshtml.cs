using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Clients.Models;
using Portal.Clients.Services;
using Portal.Core.Navigation;
using Portal.Core.Security;

namespace Portal.Clients.Pages.Admin.Clients;

/// <summary>A client's details; staff who may manage clients edit, archive and restore here.</summary>
[RequirePermission(Permissions.ViewClientsName)]
public sealed class ClientDetailsModel(ClientStore store, IAuthorizationService authorization, IEnumerable<IClientRecordLinkProvider> linkProviders) : PageModel
{
    [BindProperty]
    public ClientForm Input { get; set; } = new();

    public Client Client { get; private set; } = null!;

    public ClientPortal? Portal { get; private set; }

    public bool CanManage { get; private set; }

    /// <summary>Ways into other modules' work for this client (documents, ...), each one this user may follow.</summary>
    public List<ClientRecordLink> Links { get; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input = ClientForm.From(Client);
        await LoadLinksAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!CanManage)
        {
            return Forbid();
        }

        var result = await store.UpdateAsync(id, Input.ToInput(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(ClientForm.FieldFor(error.Field) is { Length: > 0 } name ? $"{nameof(Input)}.{name}" : "", error.Message);
            }

            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await LoadLinksAsync(id);
            return Page();
        }

        TempData[TempDataKeys.Status] = "Changes saved.";
        return RedirectToSelf(id);
    }

    public Task<IActionResult> OnPostArchiveAsync(Guid id) => SetStatusAsync(id, ClientStatus.Archived);

    public Task<IActionResult> OnPostRestoreAsync(Guid id) => SetStatusAsync(id, ClientStatus.Active);

    private async Task<IActionResult> SetStatusAsync(Guid id, ClientStatus status)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!CanManage)
        {
            return Forbid();
        }

        if (await store.SetStatusAsync(id, status, HttpContext.RequestAborted))
        {
            TempData[TempDataKeys.Status] = status == ClientStatus.Archived
                ? $"{Client.Name} was archived. Their portal users no longer see them; restore them at any time."
                : $"{Client.Name} was restored.";
        }
        else
        {
            TempData[TempDataKeys.Error] = status == ClientStatus.Archived ? $"{Client.Name} was already archived." : $"{Client.Name} was already active.";
        }

        return RedirectToSelf(id);
    }

    /// <summary>Only for a page that is shown: saving, archiving and restoring redirect.</summary>
    private async Task LoadLinksAsync(Guid id)
    {
        foreach (var provider in linkProviders)
        {
            Links.AddRange(await provider.GetLinksAsync(User, id, HttpContext.RequestAborted));
        }

        Links.Sort((a, b) => a.Position.CompareTo(b.Position));
    }

    private RedirectToPageResult RedirectToSelf(Guid id) => RedirectToPage("/Admin/Clients/Details", new { id });

    private async Task<bool> LoadAsync(Guid id)
    {
        var client = await store.FindAsync(id, HttpContext.RequestAborted);
        if (client is null)
        {
            return false;
        }

        Client = client;
        Portal = await store.PortalOfAsync(id, HttpContext.RequestAborted);
        CanManage = (await authorization.AuthorizeAsync(User, null, new PermissionRequirement(Permissions.ManageClients.Name))).Succeeded;
        return true;
    }
}
