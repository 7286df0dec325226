using Portal.Core.Security;

namespace Portal.Notifications;

public sealed class Permissions : IPermissionProvider
{
    public const string ManageRemindersName = "Reminders.Manage";

    public static readonly Permission ManageReminders = new(ManageRemindersName, "Review, send and discard portal reminders", "Clients");

    public string Feature => Manifest.Feature;

    public IEnumerable<Permission> GetPermissions() => [ManageReminders];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(RoleNames.Administrator, [ManageReminders]),
        new(RoleNames.Staff, [ManageReminders]),
    ];
}
