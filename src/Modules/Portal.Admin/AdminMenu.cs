using Portal.Core.Navigation;

namespace Portal.Admin;

internal sealed class AdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Dashboard", "/admin", Manifest.Feature, Permissions.AccessAdmin.Name, "Practice", 0),
        new("Getting started", "/admin/getting-started", Manifest.Feature, Permissions.ManageSettings.Name, "Practice", 1),
        new("General", "/admin/settings", Manifest.Feature, Permissions.ManageSettings.Name, "Settings", 10),
        new("Customize", "/admin/customize", Manifest.Feature, Permissions.ManageSettings.Name, "Settings", 15),
        new("E-mail templates", "/admin/templates", Manifest.Feature, Permissions.ManageTemplates.Name, "Settings", 60),
        new("Features", "/admin/features", Manifest.Feature, Permissions.ManageFeatures.Name, "Settings", 80),
        new("Outbox", "/admin/outbox", Manifest.Feature, Permissions.ViewOutbox.Name, "Settings", 90),
    ];
}
