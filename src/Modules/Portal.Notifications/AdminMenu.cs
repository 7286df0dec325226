using Portal.Core.Navigation;

namespace Portal.Notifications;

internal sealed class AdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Portal reminders", "/admin/reminders", Manifest.Feature, Permissions.ManageReminders.Name, "Clients", 50),
    ];
}
