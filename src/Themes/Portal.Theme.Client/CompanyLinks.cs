namespace Portal.Theme.Client;

/// <summary>How the company information's website is linked: only an https address becomes a link (one stored before the rule was shown as nothing).</summary>
public static class CompanyLinks
{
    public static bool IsSafeWebsite(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;

    /// <summary>The address without its scheme and trailing slash: "maple-finch.example".</summary>
    public static string WebsiteLabel(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri)
        ? (uri.Host + uri.PathAndQuery).TrimEnd('/')
        : url;
}
