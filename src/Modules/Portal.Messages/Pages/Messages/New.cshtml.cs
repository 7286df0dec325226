using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Contracts;
using Portal.Core.Errors;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Theming;
using Portal.Messages.Models;
using Portal.Messages.Pages.Shared;
using Portal.Messages.Services;

namespace Portal.Messages.Pages.Messages;

/// <summary>A new conversation with the practice, about one of the portal's clients.</summary>
[Authorize]
[ClientSwitch(ClientSiteSwitch.Messages)]
public sealed class NewModel(ThreadAccess access, MessagePosting posting) : PageModel
{
    [BindProperty]
    public NewThreadInput Input { get; set; } = new();

    public IReadOnlyList<ClientSummary> Clients { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.IsStaffUser())
        {
            return RedirectToPage("/Admin/Messages/Index");
        }

        return await access.ForPortalUserAsync(User, HttpContext.RequestAborted) is { } view ? Show(view) : RedirectToPage("/Portals/Choose");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await access.ForPortalUserAsync(User, HttpContext.RequestAborted) is not { } view)
        {
            return RedirectToPage("/Portals/Choose");
        }

        ModelState.Clear();
        var client = ClientOf(view, Input.ClientId);
        var problems = new[] { client is null ? MessageErrors.UnknownClient : null, MessagePosting.CheckSubject(Input.Subject), MessagePosting.CheckText(Input.Text) }
            .OfType<PortalError>().ToList();
        if (problems.Count > 0)
        {
            problems.ForEach(p => ModelState.AddPortalError(p));
            return Show(view);
        }

        using var files = new PostedFiles(Request);
        var thread = new MessageThread { ClientId = client!.Id, Kind = MessageThreadKind.General, Subject = Input.Subject!.Trim(), StartedByUserId = view.UserId };
        var result = await posting.StartAsync(thread, MessageAuthor.Of(User), Input.Text, files.Files, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddPortalError(result.Error!);
            return Show(view);
        }

        TempData[TempDataKeys.Status] = "Your message was sent. We will answer here.";
        return RedirectToPage("/Messages/Thread", new { id = result.ThreadId });
    }

    /// <summary>The chosen client of the portal; with one client, that one.</summary>
    internal static ClientSummary? ClientOf(PortalView view, Guid? clientId)
        => view.Portal.Clients.Count == 1 && clientId is null ? view.Portal.Clients[0] : view.Portal.Clients.FirstOrDefault(c => c.Id == clientId);

    private PageResult Show(PortalView view)
    {
        Clients = view.Portal.Clients;
        return Page();
    }

    public sealed class NewThreadInput
    {
        public Guid? ClientId { get; set; }

        public string? Subject { get; set; }

        public string? Text { get; set; }
    }
}
