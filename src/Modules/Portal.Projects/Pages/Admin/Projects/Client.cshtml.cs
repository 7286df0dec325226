using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Contracts;
using Portal.Core.Errors;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Projects.Models;
using Portal.Projects.Services;

namespace Portal.Projects.Pages.Admin.Projects;

/// <summary>A client's projects (reached from the client's record), and starting a new one.</summary>
[RequirePermission(Permissions.ViewProjectsName)]
public sealed class ClientModel(ProjectLibrary library, ProjectStatusList statuses, ProjectAccess access, IClientDirectory clients) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid ClientId { get; set; }

    [BindProperty]
    public ProjectForm Input { get; set; } = new();

    public string ClientName { get; private set; } = "";

    public bool CanManage { get; private set; }

    public IReadOnlyList<Project> Projects { get; private set; } = [];

    public IReadOnlyDictionary<Guid, ProjectStatus> Statuses { get; private set; } = new Dictionary<Guid, ProjectStatus>();

    public IReadOnlyList<ProjectStatus> Choices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Input = new ProjectForm { StatusId = Choices.Count > 0 ? Choices[0].Id : null };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync() || !CanManage)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (project, error) = await library.CreateAsync(ClientId, new ProjectInput(Input.Name, Input.StatusId, Input.ExpectedOn, Input.ExternalId), User, HttpContext.RequestAborted);
        if (error is not null)
        {
            ModelState.AddPortalError(error);
            return Page();
        }

        TempData[TempDataKeys.Status] = $"The project \"{project!.Name}\" was created, with a folder of the same name for its files.";
        return RedirectToPage("/Admin/Projects/Details", new { id = project.Id });
    }

    private async Task<bool> LoadAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var rights = await access.ForClientAsync(User, ClientId, cancellationToken);
        if (!rights.IsStaff || !rights.CanView || await clients.FindAsync(ClientId, cancellationToken) is not { } client)
        {
            return false;
        }

        ClientName = client.Name;
        CanManage = rights.CanManage;
        Projects = await library.ForClientsAsync([ClientId], cancellationToken);
        var all = await statuses.ListAsync(includeRetired: true, cancellationToken);
        Statuses = all.ToDictionary(s => s.Id);
        Choices = all.Where(s => !s.IsRetired).ToList();
        return true;
    }
}
