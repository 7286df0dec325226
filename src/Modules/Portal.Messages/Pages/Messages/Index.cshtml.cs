using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Core.Theming;
using Portal.Messages.Models;
using Portal.Messages.Services;

namespace Portal.Messages.Pages.Messages;

/// <summary>The client's conversations with the practice, newest activity first, unread ones marked.</summary>
[Authorize]
public sealed class IndexModel(ThreadAccess access, MessageReading reading, SiteSettingsStore settings) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "after")]
    public string? After { get; set; }

    public IReadOnlyList<MessageThread> Threads { get; private set; } = [];

    public IReadOnlySet<Guid> Unread { get; private set; } = new HashSet<Guid>();

    public IReadOnlyDictionary<Guid, string> ClientNames { get; private set; } = new Dictionary<Guid, string>();

    public string? Next { get; private set; }

    /// <summary>The practice lets clients write (its client site switches); otherwise the list is read-only.</summary>
    public bool ClientMessagesOn { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.IsStaffUser())
        {
            return RedirectToPage("/Admin/Messages/Index");
        }

        var cancellationToken = HttpContext.RequestAborted;
        if (await access.ForPortalUserAsync(User, cancellationToken) is not { } view)
        {
            return RedirectToPage("/Portals/Choose");
        }

        var query = access.Visible(view);
        if (InboxCursor.TryRead(After, out var at, out var id))
        {
            query = query.Where(t => t.LastMessageAt <= at && (t.LastMessageAt < at || t.Id.CompareTo(id) < 0));
        }

        var rows = await query.OrderByDescending(t => t.LastMessageAt).ThenByDescending(t => t.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
        Threads = rows.Take(PageSize).ToList();
        Next = rows.Count > PageSize ? InboxCursor.Write(Threads[^1].LastMessageAt, Threads[^1].Id) : null;
        Unread = await reading.UnreadAmongAsync(Threads, view.UserId, cancellationToken);
        ClientNames = view.Portal.Clients.ToDictionary(c => c.Id, c => c.Name);
        ClientMessagesOn = (await settings.GetAsync<ClientSiteSwitches>(cancellationToken)).ClientMessages;
        return Page();
    }
}
