using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Contracts;
using Portal.Core.Security;
using Portal.Projects.Services;

namespace Portal.Projects.Pages.Projects;

/// <summary>The client's projects: each one's status and dates next to its latest files.</summary>
[Authorize]
public sealed class IndexModel(IClientAccess access, ClientProjects projects, IClientFolders folders, IClientDocumentFiles files) : PageModel
{
    /// <summary>Files shown under each project here; its page shows more.</summary>
    public const int FilesPerProject = 5;

    public IReadOnlyList<ProjectWithFiles> Projects { get; private set; } = [];

    public string? DownloadPath(ClientFolderFile file) => files.DownloadPath(HttpContext, file.VersionId);

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.IsStaffUser())
        {
            return RedirectToPage("/Admin/Projects/Index");
        }

        if (await access.CurrentPortalAsync(User, HttpContext.RequestAborted) is null)
        {
            return RedirectToPage("/Portals/Choose");
        }

        var list = new List<ProjectWithFiles>();
        foreach (var item in await projects.ListAsync(User, HttpContext.RequestAborted))
        {
            list.Add(new ProjectWithFiles(item, await folders.FilesAsync(User, item.Project.ClientId, item.Project.FolderId, FilesPerProject, HttpContext.RequestAborted)));
        }

        Projects = list;
        return Page();
    }
}
