using Portal.Core.Modules;

namespace Portal.Plans;

public static class Manifest
{
    public const string Feature = "Portal.Plans";

    // Always on: a practice cannot switch its own quotas off.
    public static readonly ModuleManifest Module = new(
        "Portal.Plans",
        "Plans and quotas",
        "The platform's plans (secure payment requests a month, storage, staff seats) and each practice's usage.",
        [new FeatureDescriptor(Feature, "Plan and usage", "The practice's plan and what it has used of it.", "Core", [], AlwaysOn: true)]);
}
