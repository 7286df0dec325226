using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Contracts;
using Portal.Messages.Models;
using Portal.Messages.Services;

namespace Portal.Messages.Pages.Admin.Messages;

/// <summary>The staff inbox: every client's conversations, filtered by whose, reason, client and unread.</summary>
[Portal.Core.Security.RequirePermission(Permissions.AnswerName)]
public sealed class IndexModel(StaffInbox inbox, ContactReasons reasons, IClientDirectory clients, IUserDirectory users) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "show")]
    public InboxShow Show { get; set; }

    [BindProperty(SupportsGet = true, Name = "reason")]
    public Guid? ReasonId { get; set; }

    [BindProperty(SupportsGet = true, Name = "client")]
    public Guid? ClientId { get; set; }

    [BindProperty(SupportsGet = true, Name = "unread")]
    public bool UnreadOnly { get; set; }

    [BindProperty(SupportsGet = true, Name = "after")]
    public string? After { get; set; }

    public InboxPage Inbox { get; private set; } = new([], new HashSet<Guid>(), null);

    public IReadOnlyList<ContactReason> Reasons { get; private set; } = [];

    public IReadOnlyDictionary<Guid, ClientSummary> Clients { get; private set; } = new Dictionary<Guid, ClientSummary>();

    public IReadOnlyDictionary<Guid, PortalUserInfo> Assignees { get; private set; } = new Dictionary<Guid, PortalUserInfo>();

    public string? FilteredClientName { get; private set; }

    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        Show = Enum.IsDefined(Show) ? Show : InboxShow.All;
        Inbox = await inbox.ListAsync(User, new InboxFilter(Show, ReasonId, ClientId, UnreadOnly), After, cancellationToken);
        Reasons = await reasons.ListAsync(cancellationToken);
        Clients = await clients.FindManyAsync(Inbox.Threads.Select(t => t.ClientId).Append(ClientId ?? Guid.Empty).Distinct(), cancellationToken);
        FilteredClientName = ClientId is { } id && Clients.TryGetValue(id, out var client) ? client.Name : null;
        Assignees = await users.FindManyAsync(Inbox.Threads.Select(t => t.AssignedUserId).OfType<Guid>().Distinct(), cancellationToken);
    }

    public string ReasonName(Guid? id) => Reasons.FirstOrDefault(r => r.Id == id)?.Name ?? "";

    public string AssigneeOf(MessageThread thread)
        => thread.AssignedUserId is { } user ? Assignees.GetValueOrDefault(user)?.DisplayName ?? "a former staff member"
            : thread.AssignedRole is { } role ? $"role {role}" : "nobody";
}
