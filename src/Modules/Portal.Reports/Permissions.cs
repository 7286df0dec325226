using Portal.Core.Security;

namespace Portal.Reports;

public sealed class Permissions : IPermissionProvider
{
    public const string ExportPaymentsName = "Reports.ExportPayments";
    public const string ManageAccountMappingName = "Reports.ManageAccountMapping";

    public static readonly Permission ExportPayments = new(ExportPaymentsName, "Download payment reports and accounting import files", "Billing");
    public static readonly Permission ManageAccountMapping = new(ManageAccountMappingName, "Set the accounts payments are exported to", "Billing");

    public string Feature => Manifest.Feature;

    public IEnumerable<Permission> GetPermissions() => [ExportPayments, ManageAccountMapping];

    // Reports show every client's payments: administrators only until one grants them to a role.
    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(RoleNames.Administrator, [ExportPayments, ManageAccountMapping]),
    ];
}
