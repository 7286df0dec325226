using Portal.Core.Navigation;

namespace Portal.Plans;

internal sealed class AdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Plan and usage", "/admin/plan", Manifest.Feature, Permissions.ViewPlanUsageName, "Settings", 64),
    ];
}
