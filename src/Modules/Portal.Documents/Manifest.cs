using Portal.Core.Modules;

namespace Portal.Documents;

public static class Manifest
{
    public const string Feature = "Portal.Documents";

    public static readonly ModuleManifest Module = new(
        "Portal.Documents",
        "Documents",
        "Secure two-way file exchange with clients: folders, new-file tracking, versions, trash, notes, resumable uploads.",
        [new FeatureDescriptor(Feature, "Documents", "Send files to clients and receive theirs, securely.", "Clients", ["Portal.Clients"]) { ClientPromise = "exchange documents" }]);
}
