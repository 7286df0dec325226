using Portal.Core.Modules;

namespace Portal.Clients;

public static class Manifest
{
    public const string Feature = "Portal.Clients";

    public static readonly ModuleManifest Module = new(
        "Portal.Clients",
        "Clients and portals",
        "The practice's clients (individuals and businesses), the portals that group them, and who may use each portal.",
        [new FeatureDescriptor(Feature, "Clients and portals", "Clients, portals, full-access and contributor users.", "Clients", [], AlwaysOn: true)]);
}
