using Portal.Core.Navigation;

namespace Portal.Audit;

internal sealed class AdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Audit trail", "/admin/audit", Manifest.Feature, Permissions.ViewAudit.Name, "Settings", 95),
    ];
}
