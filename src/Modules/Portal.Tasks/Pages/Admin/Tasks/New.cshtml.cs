using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Contracts;
using Portal.Core.Errors;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Time;
using Portal.Tasks.Services;

namespace Portal.Tasks.Pages.Admin.Tasks;

/// <summary>
/// Give a client a task or ask for documents. First the client (from its admin page, or by external ID or
/// exact name), then the form with that client's portal users, PDFs and folders to choose from.
/// </summary>
[RequirePermission(Permissions.ManageName)]
public sealed class NewModel(TaskStore store, IClientDirectory clients, IUserDirectory users, IClientDocumentFiles documents, IClientFolders folders, IPracticeClock clock) : PageModel
{
    [BindProperty]
    public NewTaskForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "clientId")]
    public Guid? ClientIdFromLink { get; set; }

    [BindProperty(SupportsGet = true, Name = "client")]
    public string? ClientReference { get; set; }

    public ClientSummary? Client { get; private set; }

    public string? ClientProblem { get; private set; }

    public IReadOnlyList<(Guid Id, string Label)> PortalUsers { get; private set; } = [];

    public IReadOnlyList<ClientDocumentFile> Pdfs { get; private set; } = [];

    public IReadOnlyList<ClientFolder> Folders { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        Client = ClientIdFromLink is { } id ? await clients.FindAsync(id, cancellationToken)
            : string.IsNullOrWhiteSpace(ClientReference) ? null : await clients.FindByReferenceAsync(ClientReference.Trim(), cancellationToken);
        if (Client is null && (ClientIdFromLink is not null || !string.IsNullOrWhiteSpace(ClientReference)))
        {
            ClientProblem = TaskErrors.ClientNotFound.Message;
        }

        Input.ClientId = Client?.Id;
        Input.AssignToEveryone = true;
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        ModelState.Clear();
        Client = Input.ClientId is { } clientId ? await clients.FindAsync(clientId, cancellationToken) : null;
        if (Client is null)
        {
            ClientProblem = TaskErrors.ClientNotFound.Message;
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }

        var items = (Input.Items ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var outcome = await store.CreateAsync(
            new TaskInput(Client.Id, Input.Title, Input.Description, Input.DueOn, Input.AssignToEveryone, Input.Assignees, Input.Attachments, Input.FolderId, items),
            User,
            cancellationToken);
        if (outcome.Task is not { } task)
        {
            foreach (var error in outcome.Errors)
            {
                ModelState.AddPortalError(error);
            }

            await LoadChoicesAsync(cancellationToken);
            return Page();
        }

        TempData[TempDataKeys.Status] = task.IsRequest ? $"Request sent to {Client.Name}." : $"Task given to {Client.Name}.";
        return RedirectToPage("/Admin/Tasks/Details", new { id = task.Id });
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Today = await clock.TodayAsync(cancellationToken);
        if (Client is null)
        {
            return;
        }

        var portalUsers = await clients.PortalUsersAsync(Client.Id, cancellationToken);
        var people = await users.FindManyAsync(portalUsers.Select(p => p.UserId), cancellationToken);
        PortalUsers = portalUsers
            .Where(p => people.ContainsKey(p.UserId))
            .Select(p => (p.UserId, $"{people[p.UserId].DisplayName} ({people[p.UserId].Email}){(p.Access == ClientAccessLevel.Contributor ? ", contributor" : "")}"))
            .OrderBy(p => p.Item2, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        Pdfs = await documents.ListPdfsAsync(Client.Id, cancellationToken);
        Folders = await folders.ListAsync(Client.Id, cancellationToken);
    }
}
