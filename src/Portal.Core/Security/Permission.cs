namespace Portal.Core.Security;

/// <summary>A right a module defines (e.g. "Documents.Send"); roles hold permissions.</summary>
public sealed record Permission(string Name, string Description, string Group);

/// <summary>Default roles for a module's permissions: the role named here gets them when created by a recipe.</summary>
public sealed record PermissionStereotype(string RoleName, IReadOnlyList<Permission> Permissions);

/// <summary>Implemented by each module's Permissions class.</summary>
public interface IPermissionProvider
{
    /// <summary>The feature these permissions belong to (they are hidden while it is off).</summary>
    string Feature { get; }

    IEnumerable<Permission> GetPermissions();

    IEnumerable<PermissionStereotype> GetDefaultStereotypes();
}
