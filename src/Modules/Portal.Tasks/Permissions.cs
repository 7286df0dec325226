using Portal.Core.Security;

namespace Portal.Tasks;

/// <summary>
/// Seeing every client's tasks needs <see cref="ViewName"/>; creating, closing, reopening and accepting
/// a client's "I don't have this" needs <see cref="ManageName"/>. Portal users need neither: what they
/// may see follows their portal access and the task's assignees.
/// </summary>
public sealed class Permissions : IPermissionProvider
{
    public const string ViewName = "Tasks.View";
    public const string ManageName = "Tasks.Manage";

    public static readonly Permission View = new(ViewName, "See clients' tasks and document requests", "Tasks");
    public static readonly Permission Manage = new(ManageName, "Create, close and reopen tasks and accept clients' answers", "Tasks");

    public string Feature => Manifest.Feature;

    public IEnumerable<Permission> GetPermissions() => [View, Manage];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(RoleNames.Administrator, [View, Manage]),
        new(RoleNames.Staff, [View, Manage]),
    ];
}
