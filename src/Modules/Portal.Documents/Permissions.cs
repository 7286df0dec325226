using Portal.Core.Security;

namespace Portal.Documents;

public sealed class Permissions : IPermissionProvider
{
    public static readonly Permission ViewDocuments = new("Documents.View", "See and download clients' documents", "Documents");
    public static readonly Permission SendDocuments = new("Documents.Send", "Send documents to clients", "Documents");
    public static readonly Permission ManageDocuments = new("Documents.Manage", "Organise folders, delete and restore documents, share with contributors", "Documents");

    public string Feature => Manifest.Feature;

    public IEnumerable<Permission> GetPermissions() => [ViewDocuments, SendDocuments, ManageDocuments];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new("Administrator", [ViewDocuments, SendDocuments, ManageDocuments]),
        new("Staff", [ViewDocuments, SendDocuments, ManageDocuments]),
    ];
}
