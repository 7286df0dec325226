using Portal.Core.Errors;

namespace Portal.Theme.Client;

/// <summary>What the branding endpoints refuse, in one place (docs/api.md lists the codes).</summary>
internal static class BrandingErrors
{
    public static readonly PortalError LogoNotSet = new("logo-not-set", ErrorKind.NotFound, "This practice has no logo.");
}
