using Portal.Core.Security;
using Portal.Identity.Models;

namespace Portal.Identity;

public sealed class Permissions : IPermissionProvider
{
    public static readonly Permission ManageUsers = new("Users.Manage", "Invite, edit and disable staff and client users", "Users");
    public static readonly Permission ManageRoles = new("Roles.Manage", "Create roles and choose their permissions", "Users");

    public string Feature => Manifest.Feature;

    public IEnumerable<Permission> GetPermissions() => [ManageUsers, ManageRoles];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(PortalRole.Administrator, [ManageUsers, ManageRoles]),
    ];
}
