using Portal.Core.Modules;

namespace Portal.Messages;

public static class Manifest
{
    public const string Feature = "Portal.Messages";

    public static readonly ModuleManifest Module = new(
        "Portal.Messages",
        "Messages",
        "Secure message threads between clients and the practice, and the Contact us form with the practice's reasons.",
        [
            new FeatureDescriptor(Feature, "Messages and Contact us", "Secure messages with clients, a staff inbox, and a Contact us form routed by reason.", "Clients", ["Portal.Clients", "Portal.Documents", "Portal.Notifications"])
            {
                ClientPromise = "send us secure messages",
            },
        ]);
}
