using Portal.Core.Navigation;

namespace Portal.Tasks;

internal sealed class AdminMenu : IAdminMenuProvider
{
    public const string TasksPath = "/admin/tasks";

    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Tasks", TasksPath, Manifest.Feature, Permissions.ViewName, "Clients", 25),
    ];
}
