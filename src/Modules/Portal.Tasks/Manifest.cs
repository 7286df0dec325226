using Portal.Core.Modules;

namespace Portal.Tasks;

public static class Manifest
{
    public const string Feature = "Portal.Tasks";

    public static readonly ModuleManifest Module = new(
        "Portal.Tasks",
        "Tasks and document requests",
        "Tasks for a client's portal users, and requests for documents that clients answer item by item.",
        [new FeatureDescriptor(Feature, "Tasks and document requests", "Ask clients to do things and to send documents, item by item, with reminders.", "Clients", ["Portal.Clients", "Portal.Documents", "Portal.Notifications"]) { ClientPromise = "see what we need from you" }]);
}
