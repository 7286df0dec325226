using Portal.Core.Modules;

namespace Portal.Audit;

public static class Manifest
{
    public const string Feature = "Portal.Audit";

    public static readonly ModuleManifest Module = new(
        "Portal.Audit",
        "Audit trail",
        "An append-only, hash-chained record of sign-ins, invitations, access changes and denied access.",
        [new FeatureDescriptor(Feature, "Audit trail", "Who did what, when and from where; tamper-evident.", "Security", [], AlwaysOn: true)]);
}
