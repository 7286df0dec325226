using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Errors;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Core.Theming;
using Portal.Messages.Models;
using Portal.Messages.Pages.Shared;
using Portal.Messages.Services;

namespace Portal.Messages.Pages.Messages;

/// <summary>One conversation for the client: its messages (opening it marks them read) and the reply box.</summary>
[Authorize]
[ClientSwitch(ClientSiteSwitch.Messages, PostsOnly = true)]
public sealed class ThreadModel(ThreadAccess access, ThreadView view, MessageReading reading, MessagePosting posting, MessageFileDownload download, SiteSettingsStore settings) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ReplyInput Input { get; set; } = new();

    public MessageThread Thread { get; private set; } = null!;

    public ThreadMessagesModel Messages { get; private set; } = null!;

    /// <summary>The practice lets clients reply (its client site switches); otherwise the thread is read-only.</summary>
    public bool ClientMessagesOn { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.IsStaffUser())
        {
            return RedirectToPage("/Admin/Messages/Thread", new { id = Id });
        }

        if (await LoadAsync() is not { } viewer)
        {
            return NotFound();
        }

        await reading.MarkReadAsync(Thread, viewer, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is not { } viewer)
        {
            return NotFound();
        }

        using var files = new PostedFiles(Request);
        var result = await posting.ReplyAsync(Id, MessageAuthor.Of(User), Input.Text, files.Files, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.Clear();
            ModelState.AddPortalError(result.Error!);
            await LoadAsync();
            return Page();
        }

        TempData[TempDataKeys.Status] = "Your message was sent.";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnGetFileAsync(Guid fileId)
    {
        if (await LoadAsync() is null)
        {
            return NotFound();
        }

        return await download.DownloadAsync(Id, fileId, HttpContext.RequestAborted) ?? NotFound();
    }

    private async Task<Guid?> LoadAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (await access.ForPortalUserAsync(User, cancellationToken) is not { } portal
            || await access.FindAsync(portal, Id, cancellationToken) is not { } thread)
        {
            return null;
        }

        Thread = thread;
        Messages = new ThreadMessagesModel(Id, portal.UserId, await view.MessagesAsync(Id, cancellationToken), "/Messages/Thread", " (practice)");
        ClientMessagesOn = (await settings.GetAsync<ClientSiteSwitches>(cancellationToken)).ClientMessages;
        return portal.UserId;
    }

    public sealed class ReplyInput
    {
        public string? Text { get; set; }
    }
}
