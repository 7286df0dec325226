using Portal.Core.Security;

namespace Portal.Clients;

public sealed class Permissions : IPermissionProvider
{
    public static readonly Permission ViewClients = new("Clients.View", "See clients and their details", "Clients");
    public static readonly Permission ManageClients = new("Clients.Manage", "Create, edit, import and archive clients", "Clients");
    public static readonly Permission ManagePortals = new("Portals.Manage", "Manage portals, their clients, users and access", "Clients");

    public string Feature => Manifest.Feature;

    public IEnumerable<Permission> GetPermissions() => [ViewClients, ManageClients, ManagePortals];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new("Administrator", [ViewClients, ManageClients, ManagePortals]),
        new("Staff", [ViewClients, ManageClients, ManagePortals]),
    ];
}
