using Portal.Core.Modules;

namespace Portal.Admin;

public static class Manifest
{
    public const string Feature = "Portal.Admin";

    public static readonly ModuleManifest Module = new(
        "Portal.Admin",
        "Practice admin",
        "The practice admin's dashboard, features, outbox and general settings.",
        [new FeatureDescriptor(Feature, "Practice admin", "Dashboard, features, outbox and general settings.", "Core", [], AlwaysOn: true)]);
}
