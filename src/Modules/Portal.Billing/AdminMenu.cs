using Portal.Core.Navigation;

namespace Portal.Billing;

internal sealed class AdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Invoices", "/admin/billing/invoices", Manifest.Feature, Permissions.ViewPayments.Name, "Clients", 30),
        new("Payments", "/admin/billing/payments", Manifest.Feature, Permissions.ViewPayments.Name, "Clients", 31),
        new("Payment settings", "/admin/billing/settings", Manifest.Feature, Permissions.ManagePayments.Name, "Settings", 60),
        new("Payment permissions", "/admin/billing/permissions", Manifest.Feature, Permissions.ManagePayments.Name, "Settings", 61),
        new("Set up payments", "/admin/billing/setup-payments", Manifest.Feature, Permissions.ManagePayments.Name, "Settings", 62),
    ];
}
