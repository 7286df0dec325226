using Portal.Core.Modules;

namespace Portal.Theme.Client;

public static class Manifest
{
    public const string Feature = "Portal.Theme.Client";

    public static readonly ModuleManifest Module = new(
        "Portal.Theme.Client",
        "Client theme",
        "The practice's site for its clients: layout, home page and branding.",
        [new FeatureDescriptor(Feature, "Client site", "The practice's branded site for its clients.", "Appearance", [], AlwaysOn: true)]);
}
