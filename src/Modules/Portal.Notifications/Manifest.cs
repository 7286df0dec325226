using Portal.Core.Modules;

namespace Portal.Notifications;

public static class Manifest
{
    public const string Feature = "Portal.Notifications";

    public static readonly ModuleManifest Module = new(
        "Portal.Notifications",
        "Portal reminders",
        "Invitations and notices to portal users, queued for staff to review and send.",
        [new FeatureDescriptor(Feature, "Portal reminders", "Review invitations and notices before they are e-mailed to clients.", "Clients", [], AlwaysOn: true)]);
}
