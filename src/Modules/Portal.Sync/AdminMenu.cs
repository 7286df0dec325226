using Portal.Core.Navigation;

namespace Portal.Sync;

internal sealed class AdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Connected apps", "/admin/connected-apps", Manifest.Feature, Permissions.SyncName, "Settings", 90),
    ];
}
