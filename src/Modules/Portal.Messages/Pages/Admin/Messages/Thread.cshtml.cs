using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Errors;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Messages.Data;
using Portal.Messages.Models;
using Portal.Messages.Pages.Shared;
using Portal.Messages.Services;

namespace Portal.Messages.Pages.Admin.Messages;

/// <summary>One conversation for staff: its messages (opening it marks them read for this staff member), the answer box and the assignment.</summary>
[RequirePermission(Permissions.AnswerName)]
public sealed class ThreadModel(
    MessagesDbContext db,
    ThreadView view,
    MessageReading reading,
    MessagePosting posting,
    ThreadAssignment assignment,
    MessageFileDownload download,
    IClientDirectory clients,
    IUserDirectory users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public AnswerInput Input { get; set; } = new();

    public MessageThread Thread { get; private set; } = null!;

    public ThreadMessagesModel Messages { get; private set; } = null!;

    public string ClientName { get; private set; } = "";

    public string? ReasonName { get; private set; }

    public IReadOnlyList<StaffMemberInfo> Staff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        await reading.MarkReadAsync(Thread, User.IdOf()!.Value, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        using var files = new PostedFiles(Request);
        var result = await posting.ReplyAsync(Id, MessageAuthor.Of(User) with { FromClient = false }, Input.Text, files.Files, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.Clear();
            ModelState.AddPortalError(result.Error!);
            return Page();
        }

        TempData[TempDataKeys.Status] = "Your answer was sent. The client is e-mailed that a message is waiting.";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostAssignAsync(Guid? assignTo)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (await assignment.AssignAsync(Id, assignTo, HttpContext.RequestAborted) is { } error)
        {
            ModelState.Clear();
            ModelState.AddPortalError(error, prefix: "");
            return Page();
        }

        TempData[TempDataKeys.Status] = "The conversation's assignment was saved.";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnGetFileAsync(Guid fileId)
        => await LoadAsync() ? await download.DownloadAsync(Id, fileId, HttpContext.RequestAborted) ?? NotFound() : NotFound();

    public string AssignedText()
        => Thread.AssignedUserId is { } user ? Staff.FirstOrDefault(s => s.Id == user)?.DisplayName ?? "a former staff member"
            : Thread.AssignedRole is { } role ? $"the {role} role" : "nobody";

    private async Task<bool> LoadAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (await db.Threads.AsNoTracking().FirstOrDefaultAsync(t => t.Id == Id, cancellationToken) is not { } thread)
        {
            return false;
        }

        Thread = thread;
        Messages = new ThreadMessagesModel(Id, User.IdOf() ?? Guid.Empty, await view.MessagesAsync(Id, cancellationToken), "/Admin/Messages/Thread", " (practice)");
        ClientName = (await clients.FindAsync(thread.ClientId, cancellationToken))?.Name ?? "";
        ReasonName = thread.ReasonId is { } reason ? await db.Reasons.Where(r => r.Id == reason).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken) : null;
        Staff = (await users.ListStaffAsync(cancellationToken)).Where(s => !s.IsDisabled || s.Id == thread.AssignedUserId).ToList();
        return true;
    }

    public sealed class AnswerInput
    {
        public string? Text { get; set; }
    }
}
