using Portal.Core.Security;

namespace Portal.Plans;

public sealed class Permissions : IPermissionProvider
{
    public const string ViewPlanUsageName = "Plans.ViewUsage";

    public static readonly Permission ViewPlanUsage = new(ViewPlanUsageName, "See the practice's plan and what it has used", "Settings");

    public string Feature => Manifest.Feature;

    public IEnumerable<Permission> GetPermissions() => [ViewPlanUsage];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(RoleNames.Administrator, [ViewPlanUsage]),
    ];
}
