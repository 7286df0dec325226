using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Contracts;
using Portal.Core.Errors;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Theming;
using Portal.Messages.Models;
using Portal.Messages.Pages.Messages;
using Portal.Messages.Pages.Shared;
using Portal.Messages.Services;

namespace Portal.Messages.Pages.Contact;

/// <summary>
/// Contact us: the client picks one of the practice's reasons and writes; the thread is tagged with the
/// reason and given to whoever the practice routes that reason to.
/// </summary>
[Authorize]
[ClientSwitch(ClientSiteSwitch.Messages)]
public sealed class IndexModel(ThreadAccess access, ContactReasons reasons, MessagePosting posting) : PageModel
{
    [BindProperty]
    public ContactInput Input { get; set; } = new();

    public IReadOnlyList<ContactReason> Reasons { get; private set; } = [];

    public IReadOnlyList<ClientSummary> Clients { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.IsStaffUser())
        {
            return RedirectToPage("/Admin/Messages/Index");
        }

        return await access.ForPortalUserAsync(User, HttpContext.RequestAborted) is { } view ? await ShowAsync(view) : RedirectToPage("/Portals/Choose");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (await access.ForPortalUserAsync(User, cancellationToken) is not { } view)
        {
            return RedirectToPage("/Portals/Choose");
        }

        ModelState.Clear();
        var client = NewModel.ClientOf(view, Input.ClientId);

        // Only an active reason: a retired one (a stale form) is refused at the field like an unknown one.
        var reason = Input.ReasonId is { } reasonId ? await reasons.FindAsync(reasonId, cancellationToken) : null;
        var problems = new[]
        {
            reason is null || reason.RetiredAt is not null ? MessageErrors.UnknownReason : null,
            client is null ? MessageErrors.UnknownClient : null,
            MessagePosting.CheckText(Input.Text),
        }.OfType<PortalError>().ToList();
        if (problems.Count > 0)
        {
            problems.ForEach(p => ModelState.AddPortalError(p));
            return await ShowAsync(view);
        }

        using var files = new PostedFiles(Request);
        var thread = new MessageThread
        {
            ClientId = client!.Id,
            Kind = MessageThreadKind.Contact,
            Subject = reason!.Name,
            ReasonId = reason.Id,
            StartedByUserId = view.UserId,
            AssignedUserId = reason.RouteToUserId,
            AssignedRole = reason.RouteToUserId is null ? reason.RouteToRole : null,
        };
        var result = await posting.StartAsync(thread, MessageAuthor.Of(User), Input.Text, files.Files, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddPortalError(result.Error!);
            return await ShowAsync(view);
        }

        TempData[TempDataKeys.Status] = "Thank you: your message was sent. We will answer here, and e-mail you when we do.";
        return RedirectToPage("/Messages/Thread", new { id = result.ThreadId });
    }

    private async Task<PageResult> ShowAsync(PortalView view)
    {
        Reasons = await reasons.ActiveAsync(HttpContext.RequestAborted);
        Clients = view.Portal.Clients;
        return Page();
    }

    public sealed class ContactInput
    {
        public Guid? ReasonId { get; set; }

        public Guid? ClientId { get; set; }

        public string? Text { get; set; }
    }
}
