using Portal.Core.Modules;

namespace Portal.Identity;

public static class Manifest
{
    public const string Feature = "Portal.Identity";

    public static readonly ModuleManifest Module = new(
        "Portal.Identity",
        "Identity",
        "Practice staff and client users, roles and permissions, sign-in.",
        [
            new FeatureDescriptor(Feature, "Users and sign-in", "Staff and client accounts, roles, permissions and sign-in.", "Security", [], AlwaysOn: true),
        ]);
}
