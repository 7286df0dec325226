using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Errors;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Projects.Models;
using Portal.Projects.Services;

namespace Portal.Projects.Pages.Admin.Projects;

/// <summary>The practice's list of project statuses: add, rename, mark as waiting on the client, reorder, retire, restore.</summary>
[RequirePermission(Permissions.ManageProjectStatusesName)]
public sealed class StatusesModel(ProjectStatusList list) : PageModel
{
    [BindProperty]
    public StatusRowForm Input { get; set; } = new();

    [BindProperty]
    public StatusRowForm Edit { get; set; } = new();

    public IReadOnlyList<ProjectStatus> Statuses { get; private set; } = [];

    public async Task OnGetAsync() => Statuses = await list.ListAsync(includeRetired: true, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAddAsync()
    {
        var (status, error) = await list.AddAsync(Input.Name, Input.WaitingOnClient, HttpContext.RequestAborted);
        if (error is not null)
        {
            ModelState.AddPortalError(error);
            return await AgainAsync();
        }

        TempData[TempDataKeys.Status] = $"\"{status!.Name}\" was added at the end of the list.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (await list.UpdateAsync(Edit.Id ?? Guid.Empty, Edit.Name, Edit.WaitingOnClient, HttpContext.RequestAborted) is { } error)
        {
            ModelState.AddPortalError(error, nameof(Edit));
            return await AgainAsync();
        }

        TempData[TempDataKeys.Status] = "The status was saved.";
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostUpAsync(Guid id) => DoAsync(list.MoveAsync(id, -1, HttpContext.RequestAborted), "The status moved up.");

    public Task<IActionResult> OnPostDownAsync(Guid id) => DoAsync(list.MoveAsync(id, 1, HttpContext.RequestAborted), "The status moved down.");

    public Task<IActionResult> OnPostRetireAsync(Guid id)
        => DoAsync(list.SetRetiredAsync(id, true, HttpContext.RequestAborted), "The status was retired: projects keep showing it, but it can no longer be set.");

    public Task<IActionResult> OnPostRestoreAsync(Guid id) => DoAsync(list.SetRetiredAsync(id, false, HttpContext.RequestAborted), "The status can be set again.");

    private async Task<IActionResult> DoAsync(Task<PortalError?> change, string done)
    {
        var error = await change;
        TempData[error is null ? TempDataKeys.Status : TempDataKeys.Error] = error?.Message ?? done;
        return RedirectToPage();
    }

    private async Task<IActionResult> AgainAsync()
    {
        await OnGetAsync();
        return Page();
    }
}
