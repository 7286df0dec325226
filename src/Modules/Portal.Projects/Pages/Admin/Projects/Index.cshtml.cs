using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Contracts;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Projects.Models;
using Portal.Projects.Services;

namespace Portal.Projects.Pages.Admin.Projects;

/// <summary>Every client's projects, the latest changed first, filtered by status or client.</summary>
[RequirePermission(Permissions.ViewProjectsName)]
public sealed class IndexModel(ProjectLibrary library, ProjectStatusList statuses, IClientDirectory clients) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "status")]
    public Guid? StatusFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "client")]
    public Guid? ClientFilter { get; set; }

    public ProjectFilter Filter { get; private set; } = new();

    public ListPage<Project> Projects { get; private set; } = new([], 0, 1, PageSize);

    public IReadOnlyList<ProjectStatus> Statuses { get; private set; } = [];

    public IReadOnlyDictionary<Guid, ClientSummary> Clients { get; private set; } = new Dictionary<Guid, ClientSummary>();

    public string? FilteredClientName { get; private set; }

    public ProjectStatus StatusOf(Project project) => Statuses.First(s => s.Id == project.StatusId);

    /// <param name="pageNumber">From the query only: a page's route values hold its path under the same name, "page".</param>
    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1)
    {
        var cancellationToken = HttpContext.RequestAborted;
        Filter = new ProjectFilter(StatusFilter, ClientFilter);
        Statuses = await statuses.ListAsync(includeRetired: true, cancellationToken);
        Projects = await library.ListAsync(Filter, pageNumber, PageSize, cancellationToken);
        Clients = await clients.FindManyAsync(Projects.Items.Select(p => p.ClientId).Append(ClientFilter ?? Guid.Empty).Distinct(), cancellationToken);
        FilteredClientName = ClientFilter is { } id ? Clients.GetValueOrDefault(id)?.Name ?? "an unknown client" : null;
    }
}
