using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Contracts;
using Portal.Core.Security;
using Portal.Projects.Services;

namespace Portal.Projects.Pages.Projects;

/// <summary>One project for the client: its status and dates, its files, the way to its folder and to its messages.</summary>
[Authorize]
public sealed class DetailsModel(ClientProjects projects, IProjectThreads threads, IClientFolders folders, IClientDocumentFiles files, IClientAccess access) : PageModel
{
    public const int FileLimit = 50;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ProjectWithFiles Project { get; private set; } = null!;

    public string FolderPath { get; private set; } = "";

    public bool HasMessages => threads.IsAvailable;

    /// <summary>Messages are on and the user has full access: contributors see no project threads (the Messages module's rule).</summary>
    public bool CanOpenThread { get; private set; }

    public int Unread { get; private set; }

    public string? DownloadPath(ClientFolderFile file) => files.DownloadPath(HttpContext, file.VersionId);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await FindAsync() is not { } item)
        {
            return NotFound();
        }

        var cancellationToken = HttpContext.RequestAborted;
        Project = new ProjectWithFiles(item, await folders.FilesAsync(User, item.Project.ClientId, item.Project.FolderId, FileLimit, cancellationToken));
        FolderPath = folders.FolderPath(HttpContext, item.Project.ClientId, item.Project.FolderId);
        Unread = await threads.UnreadCountAsync(User, item.Project, cancellationToken);
        CanOpenThread = HasMessages && await IsFullAccessAsync(item);
        return Page();
    }

    /// <summary>Opens the project's thread (made on first use, hence a POST).</summary>
    public async Task<IActionResult> OnPostThreadAsync()
        => await FindAsync() is { } item && await IsFullAccessAsync(item)
            && await threads.ThreadPathAsync(HttpContext, item.Project, HttpContext.RequestAborted) is { } path
            ? Redirect(path)
            : NotFound();

    private async Task<bool> IsFullAccessAsync(ClientProject item)
        => await access.ForClientAsync(User, item.Project.ClientId, HttpContext.RequestAborted) == ClientAccessLevel.Full;

    /// <summary>The project when it is one the user may see in the portal they are working in (staff use the admin page).</summary>
    private async Task<ClientProject?> FindAsync()
        => User.IsClientUser() ? (await projects.ListAsync(User, HttpContext.RequestAborted)).FirstOrDefault(p => p.Project.Id == Id) : null;
}
