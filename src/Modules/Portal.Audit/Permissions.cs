using Portal.Core.Security;

namespace Portal.Audit;

public sealed class Permissions : IPermissionProvider
{
    public const string ViewAuditName = "Audit.View";

    public static readonly Permission ViewAudit = new(ViewAuditName, "See, verify and export the audit trail", "Security");

    public string Feature => Manifest.Feature;

    public IEnumerable<Permission> GetPermissions() => [ViewAudit];

    // Only administrators by default: the trail shows every user's sign-ins and addresses.
    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(RoleNames.Administrator, [ViewAudit]),
    ];
}
