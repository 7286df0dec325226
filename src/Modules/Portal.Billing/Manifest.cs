using Portal.Core.Modules;

namespace Portal.Billing;

public static class Manifest
{
    public const string Feature = "Portal.Billing";

    public static readonly ModuleManifest Module = new(
        "Portal.Billing",
        "Billing",
        "Invoices for clients, payments received and allocated to them, payment settings and payment permissions.",
        [new FeatureDescriptor(Feature, "Billing", "Invoice clients and record the payments they make.", "Clients", ["Portal.Clients"]) { ClientPromise = "see your invoices and payments" }]);
}
