using Portal.Core.Modules;

namespace Portal.SecureMail;

public static class Manifest
{
    public const string Feature = "Portal.SecureMail";

    public static readonly ModuleManifest Module = new(
        "Portal.SecureMail",
        "Secure e-mail",
        "Password-protected messages, files and payment requests to any e-mail address, opened on the practice's site.",
        [new FeatureDescriptor(Feature, "Secure e-mail", "Send secure e-mails and secure payment requests.", "Clients", ["Portal.Clients", "Portal.Documents", "Portal.Billing"])]);
}
