using Portal.Core.Security;

namespace Portal.Documents;

public sealed class Permissions : IPermissionProvider
{
    public const string ViewDocumentsName = "Documents.View";
    public const string SendDocumentsName = "Documents.Send";
    public const string ManageDocumentsName = "Documents.Manage";

    public static readonly Permission ViewDocuments = new(ViewDocumentsName, "See and download clients' documents", "Documents");
    public static readonly Permission SendDocuments = new(SendDocumentsName, "Send documents to clients", "Documents");
    public static readonly Permission ManageDocuments = new(ManageDocumentsName, "Organise folders, delete and restore documents, share with contributors", "Documents");

    public string Feature => Manifest.Feature;

    public IEnumerable<Permission> GetPermissions() => [ViewDocuments, SendDocuments, ManageDocuments];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(RoleNames.Administrator, [ViewDocuments, SendDocuments, ManageDocuments]),
        new(RoleNames.Staff, [ViewDocuments, SendDocuments, ManageDocuments]),
    ];
}
