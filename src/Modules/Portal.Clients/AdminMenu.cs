using Portal.Core.Navigation;

namespace Portal.Clients;

internal sealed class AdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Clients", "/admin/clients", Manifest.Feature, Permissions.ViewClients.Name, "Clients", 10),
        new("Portals", "/admin/portals", Manifest.Feature, Permissions.ManagePortals.Name, "Clients", 20),
    ];
}
