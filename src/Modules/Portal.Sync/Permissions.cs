using Portal.Core.Security;

namespace Portal.Sync;

public sealed class Permissions : IPermissionProvider
{
    public const string SyncName = "Sync.Connect";

    public static readonly Permission Sync = new(SyncName, "Approve desktop sync programs and manage the connected apps", "Sync");

    public string Feature => Manifest.Feature;

    public IEnumerable<Permission> GetPermissions() => [Sync];

    // A connected program reads and writes the practice's data for its whole life: administrators only by default.
    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(RoleNames.Administrator, [Sync]),
    ];
}
