using Portal.StripeEmulator.Wire;

namespace Portal.StripeEmulator.Api;

/// <summary>Stripe wants absolute http(s) URLs for redirects.</summary>
internal static class UrlRules
{
    public static void RequireAbsolute(string url, string param)
    {
        // {CHECKOUT_SESSION_ID} is not a valid URL character sequence until substituted.
        var candidate = url.Replace("{CHECKOUT_SESSION_ID}", "cs_placeholder", StringComparison.Ordinal);
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw StripeApiException.InvalidRequest($"Not a valid URL: {param} must be an absolute http(s) URL.", param, "url_invalid");
        }
    }
}
