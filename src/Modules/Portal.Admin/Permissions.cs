using Portal.Core.Security;

namespace Portal.Admin;

public sealed class Permissions : IPermissionProvider
{
    public static readonly Permission AccessAdmin = new("Admin.Access", "Open the practice admin", "Practice admin");
    public static readonly Permission ManageFeatures = new("Features.Manage", "Switch features on and off", "Practice admin");
    public static readonly Permission ViewOutbox = new("Outbox.View", "See e-mails the portal sent", "Practice admin");
    public static readonly Permission ManageSettings = new("Settings.Manage", "Change the practice's general settings", "Practice admin");
    public static readonly Permission ManageTemplates = new("Templates.Manage", "Edit the e-mails the portal sends", "Practice admin");

    public string Feature => Manifest.Feature;

    public IEnumerable<Permission> GetPermissions() => [AccessAdmin, ManageFeatures, ViewOutbox, ManageSettings, ManageTemplates];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new("Administrator", [AccessAdmin, ManageFeatures, ViewOutbox, ManageSettings, ManageTemplates]),
        new("Staff", [AccessAdmin]),
    ];
}
