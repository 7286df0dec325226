namespace Portal.Core.Security;

/// <summary>
/// The built-in staff roles every practice has. Modules name them in their default permission
/// stereotypes; Identity creates them. (The Administrator role holds every permission implicitly.)
/// </summary>
public static class RoleNames
{
    public const string Administrator = "Administrator";

    public const string Staff = "Staff";
}
