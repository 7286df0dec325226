using Portal.Core.Security;

namespace Portal.Notifications;

public sealed class Permissions : IPermissionProvider
{
    public static readonly Permission ManageReminders = new("Reminders.Manage", "Review, send and discard portal reminders", "Clients");

    public string Feature => Manifest.Feature;

    public IEnumerable<Permission> GetPermissions() => [ManageReminders];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new("Administrator", [ManageReminders]),
        new("Staff", [ManageReminders]),
    ];
}
