using Portal.Core.Navigation;

namespace Portal.Documents;

internal sealed class AdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Documents", "/admin/documents", Manifest.Feature, Permissions.ViewDocuments.Name, "Clients", 20),
        new("Trash", "/admin/documents/trash", Manifest.Feature, Permissions.ManageDocuments.Name, "Clients", 25),
    ];
}
