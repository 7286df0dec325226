using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Contracts;
using Portal.Core.Errors;
using Portal.Core.Navigation;
using Portal.Core.Settings;
using Portal.Core.Theming;
using Portal.Core.Time;
using Portal.Tasks.Models;
using Portal.Tasks.Services;

namespace Portal.Tasks.Pages.Tasks;

/// <summary>
/// One task for a portal user: what is asked, the files to send against each requested item (through the
/// documents uploader, into the folder staff chose), "I don't have this", comments and marking it done.
/// A task the user may not see answers 404, as if it did not exist.
/// </summary>
[Authorize]
public sealed class DetailsModel(
    TaskDetails details,
    TaskAccess access,
    TaskStore store,
    TaskComments comments,
    RequestItems items,
    IClientDocumentFiles documents,
    IAntiforgery antiforgery,
    SiteSettingsStore settings,
    IPracticeClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public Guid ItemId { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public TaskView View { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public string AntiforgeryToken { get; private set; } = "";

    /// <summary>The practice takes files from clients (its client site switches); otherwise no uploader is shown.</summary>
    public bool ClientUploadsOn { get; private set; }

    /// <summary>The item whose "I don't have this" form was posted with a problem (shown open).</summary>
    public Guid? NoteItem { get; private set; }

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

        TempData[TempDataKeys.Status] = "Comment sent.";
        return RedirectToPage("/Tasks/Details", new { id = task.Id });
    }

    public async Task<IActionResult> OnPostDoneAsync()
    {
        if (await LoadAsync() is not { } task)
        {
            return NotFound();
        }

        if (await store.MarkDoneAsync(task, User, HttpContext.RequestAborted) is { } error)
        {
            ModelState.AddPortalError(error, prefix: "");
            return await ShowAsync(task);
        }

        TempData[TempDataKeys.Status] = "Marked done. Thank you!";
        return RedirectToPage("/Tasks/Details", new { id = task.Id });
    }

    public async Task<IActionResult> OnPostNotAvailableAsync()
    {
        if (await LoadAsync() is not { } task)
        {
            return NotFound();
        }

        if (await items.NotAvailableAsync(task, ItemId, Note, User, HttpContext.RequestAborted) is { } error)
        {
            NoteItem = ItemId;
            ModelState.AddPortalError(error, prefix: "");
            return await ShowAsync(task);
        }

        TempData[TempDataKeys.Status] = "Thank you: your accountant will look at your note.";
        return RedirectToPage("/Tasks/Details", new { id = task.Id });
    }

    private async Task<ClientTask?> LoadAsync()
    {
        var task = await details.FindAsync(Id, HttpContext.RequestAborted);
        return task is not null && await access.ForAsync(User, task, HttpContext.RequestAborted) == TaskRight.Client ? task : null;
    }

    private async Task<IActionResult> ShowAsync(ClientTask task)
    {
        View = await details.LoadAsync(task, HttpContext.RequestAborted);
        Today = await clock.TodayAsync(HttpContext.RequestAborted);
        AntiforgeryToken = antiforgery.GetAndStoreTokens(HttpContext).RequestToken!;
        ClientUploadsOn = (await settings.GetAsync<ClientSiteSwitches>(HttpContext.RequestAborted)).ClientUploads;
        return Page();
    }
}
