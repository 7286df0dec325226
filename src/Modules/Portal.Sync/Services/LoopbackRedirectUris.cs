namespace Portal.Sync.Services;

/// <summary>
/// RFC 8252 s7.3: a redirect to the IPv4 or IPv6 loopback literal matches a registered one whatever its
/// port, and in nothing else (scheme, host, path exactly; no query, fragment or user info).
/// </summary>
public static class LoopbackRedirectUris
{
    public static bool Matches(string registered, string requested)
    {
        if (!Uri.TryCreate(registered, UriKind.Absolute, out var expected) || !Uri.TryCreate(requested, UriKind.Absolute, out var actual))
        {
            return false;
        }

        return expected.Scheme == Uri.UriSchemeHttp
            && actual.Scheme == Uri.UriSchemeHttp
            && IsLoopbackLiteral(expected.Host)
            && string.Equals(expected.Host, actual.Host, StringComparison.Ordinal)
            && actual.UserInfo.Length == 0
            && actual.Query.Length == 0
            && actual.Fragment.Length == 0
            && string.Equals(expected.AbsolutePath, actual.AbsolutePath, StringComparison.Ordinal)
            // The requested text must be the canonical form, so "/callback/../x" or "%2F" tricks cannot match.
            && string.Equals(requested, $"{actual.Scheme}://{actual.Authority}{actual.AbsolutePath}", StringComparison.Ordinal);
    }

    private static bool IsLoopbackLiteral(string host) => host is "127.0.0.1" or "[::1]";
}
