using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Contracts;
using Portal.Core.Errors;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Projects.Models;
using Portal.Projects.Services;

namespace Portal.Projects.Pages.Admin.Projects;

/// <summary>One project for staff: where it stands, posting its next status, its history, its files and its thread.</summary>
[RequirePermission(Permissions.ViewProjectsName)]
public sealed class DetailsModel(
    ProjectLibrary library,
    ProjectStatusList statuses,
    ProjectStatusPoster poster,
    ProjectAccess access,
    IProjectThreads threads,
    IClientFolders folders,
    IClientDocumentFiles files,
    IClientDirectory clients) : PageModel
{
    public const int FileLimit = 50;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public StatusForm Status { get; set; } = new();

    [BindProperty]
    public ProjectForm Input { get; set; } = new();

    public Project Project { get; private set; } = null!;

    public string ClientName { get; private set; } = "";

    public ProjectStatus CurrentStatus { get; private set; } = null!;

    /// <summary>The statuses that can be set (retired ones cannot).</summary>
    public IReadOnlyList<ProjectStatus> Choices { get; private set; } = [];

    public IReadOnlyList<ProjectStatusChange> History { get; private set; } = [];

    public IReadOnlyList<ClientFolderFile> Files { get; private set; } = [];

    public string FolderPath { get; private set; } = "";

    public bool CanManage { get; private set; }

    public bool HasMessages => threads.IsAvailable;

    public string? DownloadPath(ClientFolderFile file) => files.DownloadPath(HttpContext, file.VersionId);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Input = new ProjectForm { Name = Project.Name, ExpectedOn = Project.ExpectedOn, ExternalId = Project.ExternalId };
        Status = new StatusForm { StatusId = CurrentStatus.IsRetired ? null : CurrentStatus.Id };
        return Page();
    }

    public async Task<IActionResult> OnPostStatusAsync()
    {
        if (!await LoadAsync() || !CanManage)
        {
            return NotFound();
        }

        ModelState.Remove(nameof(Input));
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith(nameof(Input) + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        Input = new ProjectForm { Name = Project.Name, ExpectedOn = Project.ExpectedOn, ExternalId = Project.ExternalId };
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await poster.PostAsync(
            new ProjectStatusPost(Project.Id, null, Status.StatusId, null, Status.Note, Status.PostAsMessage, Status.EmailClient),
            User,
            HttpContext.RequestAborted);
        if (result.Error is { } error)
        {
            ModelState.AddPortalError(error, nameof(Status));
            return Page();
        }

        TempData[TempDataKeys.Status] = $"The status is now \"{result.Change!.ToName}\"."
            + (result.Change.PostedAsMessage ? " The note was posted as a message." : "")
            + (result.Emailed switch { 0 => "", 1 => " 1 e-mail is on its way to the client.", var n => $" {n} e-mails are on their way to the client." });
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostEditAsync()
    {
        if (!await LoadAsync() || !CanManage)
        {
            return NotFound();
        }

        foreach (var key in ModelState.Keys.Where(k => k.StartsWith(nameof(Status) + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        Status = new StatusForm { StatusId = CurrentStatus.IsRetired ? null : CurrentStatus.Id };
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await library.UpdateAsync(Project.Id, new ProjectInput(Input.Name, null, Input.ExpectedOn, Input.ExternalId), HttpContext.RequestAborted) is { } error)
        {
            ModelState.AddPortalError(error);
            return Page();
        }

        TempData[TempDataKeys.Status] = "The project was saved.";
        return RedirectToPage(new { id = Id });
    }

    /// <summary>Opens the project's thread (made on first use, hence a POST).</summary>
    public async Task<IActionResult> OnPostThreadAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        return await threads.ThreadPathAsync(HttpContext, Project, HttpContext.RequestAborted) is { } path ? Redirect(path) : NotFound();
    }

    private async Task<bool> LoadAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (await library.FindAsync(Id, cancellationToken) is not { } project)
        {
            return false;
        }

        var rights = await access.ForClientAsync(User, project.ClientId, cancellationToken);
        if (!rights.IsStaff || !rights.CanView)
        {
            return false;
        }

        Project = project;
        CanManage = rights.CanManage;
        ClientName = (await clients.FindAsync(project.ClientId, cancellationToken))?.Name ?? "";
        var all = await statuses.ListAsync(includeRetired: true, cancellationToken);
        CurrentStatus = all.First(s => s.Id == project.StatusId);
        Choices = all.Where(s => !s.IsRetired).ToList();
        History = await library.HistoryAsync(project.Id, cancellationToken);
        Files = await folders.FilesAsync(User, project.ClientId, project.FolderId, FileLimit, cancellationToken);
        FolderPath = folders.FolderPath(HttpContext, project.ClientId, project.FolderId);
        return true;
    }
}
