namespace Portal.Core.LoginWidget;

/// <summary>
/// A website origin as browsers send it in the <c>Origin</c> header: scheme, host and port, nothing
/// else (<c>https://www.example.com</c>). Only https, except http on localhost and 127.0.0.1 so a
/// designer can try the widget on their own machine; no path, query, user name or wildcard, because the
/// allow-list is compared with what the browser sends, exactly.
/// </summary>
public static class WebsiteOrigin
{
    public const int MaxLength = 300;

    /// <summary>The origin in the form browsers send it (lower case, punycode, default port left out), or the reason it is refused.</summary>
    public static (string? Origin, string? Problem) Parse(string? text)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0)
        {
            return (null, "is empty.");
        }

        if (value.Length > MaxLength)
        {
            return (null, $"is longer than {MaxLength} characters.");
        }

        if (value.Contains('*', StringComparison.Ordinal))
        {
            return (null, "contains a wildcard: list each address of your website on its own line, such as https://www.example.com.");
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            return (null, "is not a website address: write it as https://www.example.com.");
        }

        var local = uri.Host is "localhost" or "127.0.0.1";
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && local))
        {
            return (null, "must start with https:// (plain http is accepted only for localhost and 127.0.0.1, for testing).");
        }

        if (string.IsNullOrEmpty(uri.Host) || uri.HostNameType == UriHostNameType.Unknown)
        {
            return (null, "is not a website address: write it as https://www.example.com.");
        }

        if (!string.IsNullOrEmpty(uri.UserInfo) || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return (null, "must be the address of the website only, without a path: https://www.example.com rather than https://www.example.com/contact.");
        }

        return (Normalize(uri), null);
    }

    /// <summary>The origin of a header value (<c>Origin</c>, or the <c>Referer</c> URL), as <see cref="Parse"/> writes it; null when it has none.</summary>
    public static string? OfRequestHeader(string? header)
        => !string.IsNullOrEmpty(header) && Uri.TryCreate(header, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && !string.IsNullOrEmpty(uri.Host)
            ? Normalize(uri)
            : null;

    private static string Normalize(Uri uri)
        => uri.Scheme + "://" + uri.IdnHost.ToLowerInvariant() + (uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
