using Portal.Core.Modules;

namespace Portal.Theme.Admin;

public static class Manifest
{
    public const string Feature = "Portal.Theme.Admin";

    public static readonly ModuleManifest Module = new(
        "Portal.Theme.Admin",
        "Admin theme",
        "The layout of the practice admin (/admin) and of the platform's host admin.",
        [new FeatureDescriptor(Feature, "Admin theme", "Layout and navigation of the practice admin.", "Appearance", [], AlwaysOn: true)]);
}
