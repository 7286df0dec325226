using Portal.Core.Navigation;

namespace Portal.Identity;

internal sealed class AdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Staff", "/admin/users", Manifest.Feature, Permissions.ManageUsers.Name, "Settings", 20),
        new("Roles", "/admin/roles", Manifest.Feature, Permissions.ManageRoles.Name, "Settings", 30),
        new("Sign-in security", "/admin/security", Manifest.Feature, Permissions.ManageSecurity.Name, "Settings", 40),
    ];
}
