using Portal.Core.Modules;

namespace Portal.Reports;

public static class Manifest
{
    public const string Feature = "Portal.Reports";

    public static readonly ModuleManifest Module = new(
        "Portal.Reports",
        "Payment reports and accounting exports",
        "Payment reports as Excel, CSV and JSON, and the payments as journal entries for QuickBooks, Sage and Xero.",
        [new FeatureDescriptor(Feature, "Payment reports and accounting exports", "Download payment reports and accounting import files.", "Billing", ["Portal.Billing"])]);
}
