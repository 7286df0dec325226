using Portal.Core.Security;

namespace Portal.Admin;

public sealed class Permissions : IPermissionProvider
{
    public const string AccessAdminName = "Admin.Access";
    public const string ManageFeaturesName = "Features.Manage";
    public const string ViewOutboxName = "Outbox.View";
    public const string ManageSettingsName = "Settings.Manage";
    public const string ManageTemplatesName = "Templates.Manage";

    public static readonly Permission AccessAdmin = new(AccessAdminName, "Open the practice admin", "Practice admin");
    public static readonly Permission ManageFeatures = new(ManageFeaturesName, "Switch features on and off", "Practice admin");
    public static readonly Permission ViewOutbox = new(ViewOutboxName, "See e-mails the portal sent", "Practice admin");
    public static readonly Permission ManageSettings = new(ManageSettingsName, "Change the practice's general settings", "Practice admin");
    public static readonly Permission ManageTemplates = new(ManageTemplatesName, "Edit the e-mails the portal sends", "Practice admin");

    public string Feature => Manifest.Feature;

    public IEnumerable<Permission> GetPermissions() => [AccessAdmin, ManageFeatures, ViewOutbox, ManageSettings, ManageTemplates];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(RoleNames.Administrator, [AccessAdmin, ManageFeatures, ViewOutbox, ManageSettings, ManageTemplates]),
        new(RoleNames.Staff, [AccessAdmin]),
    ];
}
