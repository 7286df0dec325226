using Portal.Core.Modules;

namespace Portal.Sync;

public static class Manifest
{
    public const string Feature = "Portal.Sync";

    // Always on: the Sync permission decides who may connect a program, and the authorization
    // server must answer (or refuse) for every practice with one behaviour.
    public static readonly ModuleManifest Module = new(
        "Portal.Sync",
        "Desktop sync",
        "Lets the practice's desktop program (portal-sync) connect to the portal with OAuth, approved in the browser.",
        [new FeatureDescriptor(Feature, "Desktop sync", "Authorize portal-sync and see the connected apps.", "Integrations", [], AlwaysOn: true)]);
}
