using PortalSync.Hosting;

namespace PortalSync.Auth;

/// <summary>A practice's address as typed by a person: "acme.example.com", "https://acme.example.com/t/x".</summary>
internal static class PortalAddress
{
    public static Uri Parse(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.Contains("://", StringComparison.Ordinal))
        {
            trimmed = "https://" + trimmed;
        }

        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0)
        {
            throw new FatalException($"\"{text}\" is not a portal address (for example https://yourpractice.example.com).");
        }

        // Relative API paths are resolved against the address, so it must end with a slash.
        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.GetLeftPart(UriPartial.Path) + "/");
    }

    public static Uri Resolve(Uri portal, string relative) => new(portal, relative);
}
