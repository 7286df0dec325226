using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Errors;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Messages.Pages.Shared;
using Portal.Messages.Services;

namespace Portal.Messages.Pages.Admin.Messages;

/// <summary>
/// The practice's Contact us reasons. The editor itself is the partial <c>_ContactReasonsEditor</c>, whose
/// forms post here, so another page (a future Customize page) can show it too.
/// </summary>
[RequirePermission(Permissions.ManageReasonsName)]
public sealed class ReasonsModel(ContactReasons reasons, ReasonRoutes routes) : PageModel
{
    public ContactReasonsEditorModel Editor { get; private set; } = null!;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync(string? name, string? route)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var (parsed, routeError) = await routes.ParseAsync(route, cancellationToken);
        var error = routeError ?? (await reasons.AddAsync(name, parsed!, cancellationToken)).Error;
        return await DoneAsync(error, ContactReasonsEditorModel.AddPrefix, $"\"{name?.Trim()}\" was added.");
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, string? name, string? route)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var (parsed, routeError) = await routes.ParseAsync(route, cancellationToken);
        var error = routeError ?? await reasons.ChangeAsync(id, name, parsed!, cancellationToken);
        return await DoneAsync(error, ContactReasonsEditorModel.RowPrefix(id), "The reason was saved. Threads already sent keep their reason and assignment.");
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, int direction)
    {
        TempData[TempDataKeys.Status] = await reasons.MoveAsync(id, direction, HttpContext.RequestAborted)
            ? $"The reason moved {(direction < 0 ? "up" : "down")}: clients see the reasons in this order."
            : "Nothing moved: the reason is already at that end of the list, or no longer offered.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRetireAsync(Guid id, bool retire)
    {
        TempData[TempDataKeys.Status] = !await reasons.RetireAsync(id, retire, HttpContext.RequestAborted)
            ? "Nothing changed: the reason was already so, or no longer exists."
            : retire
                ? "The reason was retired: clients no longer see it, and older conversations keep it."
                : "The reason is offered to clients again.";

        return RedirectToPage();
    }

    private async Task<IActionResult> DoneAsync(PortalError? error, string prefix, string success)
    {
        if (error is null)
        {
            TempData[TempDataKeys.Status] = success;
            return RedirectToPage();
        }

        ModelState.Clear();
        ModelState.AddPortalError(error, prefix);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
        => Editor = new ContactReasonsEditorModel(await reasons.ListAsync(HttpContext.RequestAborted), await routes.ChoicesAsync(HttpContext.RequestAborted));
}
