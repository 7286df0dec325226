using Portal.Core.Navigation;

namespace Portal.Projects;

internal sealed class AdminMenu : IAdminMenuProvider
{
    public const string ProjectsPath = "/admin/projects";
    public const string StatusesPath = "/admin/projects/statuses";

    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Projects", ProjectsPath, Manifest.Feature, Permissions.ViewProjectsName, "Clients", 22),
        new("Project statuses", StatusesPath, Manifest.Feature, Permissions.ManageProjectStatusesName, "Settings", 40),
    ];
}
