using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Contracts;
using Portal.Core.Errors;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Time;
using Portal.Tasks.Models;
using Portal.Tasks.Services;

namespace Portal.Tasks.Pages.Admin.Tasks;

/// <summary>One task for staff: its items and the client's answers, comments, and closing or reopening it.</summary>
[RequirePermission(Permissions.ViewName)]
public sealed class DetailsModel(
    TaskDetails details,
    TaskAccess access,
    TaskStore store,
    TaskComments comments,
    RequestItems items,
    IClientDocumentFiles documents,
    IAuthorizationService authorization,
    IPracticeClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public Guid ItemId { get; set; }

    public TaskView View { get; private set; } = null!;

    public bool MayManage { get; private set; }

    public DateOnly Today { get; private set; }

    public string? DownloadPath(Guid? versionId) => versionId is { } id ? documents.DownloadPath(HttpContext, id) : null;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is { } task ? await ShowAsync(task) : NotFound();

    public async Task<IActionResult> OnPostCommentAsync()
    {
        if (await LoadAsync() is not { } task)
        {
            return NotFound();
        }

        if (await comments.AddAsync(task, User, Comment, HttpContext.RequestAborted) is { } error)
        {
            ModelState.AddPortalError(error, prefix: "");
            return await ShowAsync(task);
        }

        TempData[TempDataKeys.Status] = "Comment added. The client is told by e-mail in a few minutes.";
        return RedirectToPage("/Admin/Tasks/Details", new { id = task.Id });
    }

    public Task<IActionResult> OnPostCloseAsync() => ManageAsync((task, ct) => store.CloseAsync(task, User, ct), "Task closed.");

    public Task<IActionResult> OnPostReopenAsync() => ManageAsync((task, ct) => store.ReopenAsync(task, ct), "Task reopened.");

    public Task<IActionResult> OnPostAcceptAsync() => ManageAsync((task, ct) => items.AcceptAsync(task, ItemId, User, ct), "Accepted: that item is done.");

    public Task<IActionResult> OnPostAskAgainAsync() => ManageAsync((task, ct) => items.AskAgainAsync(task, ItemId, ct), "The item waits for a file again.");

    private async Task<IActionResult> ManageAsync(Func<ClientTask, CancellationToken, Task<PortalError?>> action, string done)
    {
        if (await LoadAsync() is not { } task)
        {
            return NotFound();
        }

        if (!await MayManageAsync())
        {
            return Forbid();
        }

        if (await action(task, HttpContext.RequestAborted) is { } error)
        {
            ModelState.AddPortalError(error, prefix: "");
            return await ShowAsync(task);
        }

        TempData[TempDataKeys.Status] = done;
        return RedirectToPage("/Admin/Tasks/Details", new { id = task.Id });
    }

    private async Task<ClientTask?> LoadAsync()
    {
        var task = await details.FindAsync(Id, HttpContext.RequestAborted);
        return task is not null && await access.ForAsync(User, task, HttpContext.RequestAborted) == TaskRight.Staff ? task : null;
    }

    private async Task<IActionResult> ShowAsync(ClientTask task)
    {
        View = await details.LoadAsync(task, HttpContext.RequestAborted);
        MayManage = await MayManageAsync();
        Today = await clock.TodayAsync(HttpContext.RequestAborted);
        return Page();
    }

    private async Task<bool> MayManageAsync()
        => (await authorization.AuthorizeAsync(User, PermissionPolicyProvider.Prefix + Permissions.ManageName)).Succeeded;
}
