using Portal.Core.Security;

namespace Portal.Clients;

public sealed class Permissions : IPermissionProvider
{
    public const string ViewClientsName = "Clients.View";
    public const string ManageClientsName = "Clients.Manage";
    public const string ManagePortalsName = "Portals.Manage";

    public static readonly Permission ViewClients = new(ViewClientsName, "See clients and their details", "Clients");
    public static readonly Permission ManageClients = new(ManageClientsName, "Create, edit, import and archive clients", "Clients");
    public static readonly Permission ManagePortals = new(ManagePortalsName, "Manage portals, their clients, users and access", "Clients");

    public string Feature => Manifest.Feature;

    public IEnumerable<Permission> GetPermissions() => [ViewClients, ManageClients, ManagePortals];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(RoleNames.Administrator, [ViewClients, ManageClients, ManagePortals]),
        new(RoleNames.Staff, [ViewClients, ManageClients, ManagePortals]),
    ];
}
