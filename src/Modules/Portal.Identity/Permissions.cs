using Portal.Core.Security;

namespace Portal.Identity;

public sealed class Permissions : IPermissionProvider
{
    public const string ManageUsersName = "Users.Manage";
    public const string ManageRolesName = "Roles.Manage";
    public const string ManageSecurityName = "Security.Manage";

    public static readonly Permission ManageUsers = new(ManageUsersName, "Invite, edit and disable staff and client users", "Users");
    public static readonly Permission ManageRoles = new(ManageRolesName, "Create roles and choose their permissions", "Users");
    public static readonly Permission ManageSecurity = new(ManageSecurityName, "Set the practice's sign-in policy (two-factor for staff)", "Users");

    public string Feature => Manifest.Feature;

    public IEnumerable<Permission> GetPermissions() => [ManageUsers, ManageRoles, ManageSecurity];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(RoleNames.Administrator, [ManageUsers, ManageRoles, ManageSecurity]),
    ];
}
