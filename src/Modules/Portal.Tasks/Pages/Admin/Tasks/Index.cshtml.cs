using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Contracts;
using Portal.Core.Security;
using Portal.Core.Time;
using Portal.Tasks.Services;

namespace Portal.Tasks.Pages.Admin.Tasks;

/// <summary>Every client's open tasks (or the finished ones), filtered by client, assignee, due date and overdue, newest first.</summary>
[RequirePermission(Permissions.ViewName)]
public sealed class IndexModel(StaffTaskList list, IClientDirectory clients, IUserDirectory users, IPracticeClock clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "clientId")]
    public Guid? ClientId { get; set; }

    [BindProperty(SupportsGet = true, Name = "client")]
    public string? ClientReference { get; set; }

    [BindProperty(SupportsGet = true, Name = "assignee")]
    public Guid? AssigneeId { get; set; }

    [BindProperty(SupportsGet = true, Name = "dueBy")]
    public DateOnly? DueBy { get; set; }

    [BindProperty(SupportsGet = true, Name = "overdue")]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true, Name = "closed")]
    public bool Closed { get; set; }

    [BindProperty(SupportsGet = true, Name = "after")]
    public string? After { get; set; }

    public ClientSummary? Client { get; private set; }

    public string? ClientProblem { get; private set; }

    public IReadOnlyList<(Guid Id, string Name)> Assignees { get; private set; } = [];

    public StaffTaskPage Tasks { get; private set; } = new([], null);

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        Client = ClientId is { } id ? await clients.FindAsync(id, cancellationToken)
            : string.IsNullOrWhiteSpace(ClientReference) ? null : await clients.FindByReferenceAsync(ClientReference.Trim(), cancellationToken);
        if (Client is null && (ClientId is not null || !string.IsNullOrWhiteSpace(ClientReference)))
        {
            ClientProblem = "No client has that external ID or exact name.";
        }

        if (Client is not null)
        {
            ClientReference = Client.Name;
            var portalUsers = await clients.PortalUsersAsync(Client.Id, cancellationToken);
            var people = await users.FindManyAsync(portalUsers.Select(p => p.UserId), cancellationToken);
            Assignees = people.Values.OrderBy(p => p.DisplayName, StringComparer.CurrentCultureIgnoreCase).Select(p => (p.Id, p.DisplayName)).ToList();
        }

        Today = await clock.TodayAsync(cancellationToken);
        Tasks = ClientProblem is null
            ? await list.PageAsync(new StaffTaskFilter(Client?.Id, Client is null ? null : AssigneeId, DueBy, Overdue, Closed), After, cancellationToken)
            : new StaffTaskPage([], null);
    }

    public Dictionary<string, string> NextRoute() => new()
    {
        ["clientId"] = Client?.Id.ToString() ?? "",
        ["assignee"] = AssigneeId?.ToString() ?? "",
        ["dueBy"] = DueBy?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        ["overdue"] = Overdue ? "true" : "",
        ["closed"] = Closed ? "true" : "",
        ["after"] = Tasks.Next ?? "",
    };
}
