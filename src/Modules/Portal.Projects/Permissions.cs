using Portal.Core.Security;

namespace Portal.Projects;

public sealed class Permissions : IPermissionProvider
{
    public const string ViewProjectsName = "Projects.View";
    public const string ManageProjectsName = "Projects.Manage";
    public const string ManageProjectStatusesName = "Projects.ManageStatuses";

    public static readonly Permission ViewProjects = new(ViewProjectsName, "See clients' projects and their status history", "Projects");
    public static readonly Permission ManageProjects = new(ManageProjectsName, "Create projects, change them and post their status", "Projects");
    public static readonly Permission ManageProjectStatuses = new(ManageProjectStatusesName, "Edit the practice's list of project statuses", "Projects");

    public string Feature => Manifest.Feature;

    public IEnumerable<Permission> GetPermissions() => [ViewProjects, ManageProjects, ManageProjectStatuses];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(RoleNames.Administrator, [ViewProjects, ManageProjects, ManageProjectStatuses]),
        new(RoleNames.Staff, [ViewProjects, ManageProjects]),
    ];
}
