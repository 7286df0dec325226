using Portal.Core.Navigation;

namespace Portal.Reports;

internal sealed class AdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Payment report", "/admin/reports/payments", Manifest.Feature, Permissions.ExportPaymentsName, "Clients", 32),
        new("Accounting exports", "/admin/reports/accounting-exports", Manifest.Feature, Permissions.ExportPaymentsName, "Clients", 33),
        new("Account mapping", "/admin/reports/account-mapping", Manifest.Feature, Permissions.ManageAccountMappingName, "Settings", 63),
    ];
}
