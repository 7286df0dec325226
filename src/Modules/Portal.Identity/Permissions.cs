using Portal.Core.Security;
using Portal.Identity.Models;

namespace Portal.Identity;

public sealed class Permissions : IPermissionProvider
{
    public static readonly Permission ManageUsers = new("Users.Manage", "Invite, edit and disable staff and client users", "Users");
    public static readonly Permission ManageRoles = new("Roles.Manage", "Create roles and choose their permissions", "Users");
    public static readonly Permission ManageSecurity = new("Security.Manage", "Set the practice's sign-in policy (two-factor for staff)", "Users");

    public string Feature => Manifest.Feature;

    public IEnumerable<Permission> GetPermissions() => [ManageUsers, ManageRoles, ManageSecurity];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(PortalRole.Administrator, [ManageUsers, ManageRoles, ManageSecurity]),
    ];
}
