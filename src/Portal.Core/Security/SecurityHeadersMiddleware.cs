using Microsoft.AspNetCore.Http;

namespace Portal.Core.Security;

/// <summary>
/// Baseline response headers. The CSP allows only the site's own scripts and styles (no inline code),
/// forbids framing and plugins; a response that needs something else (a framed e-mail preview, the
/// login widget) sets its own Content-Security-Policy and this one is not added.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string DefaultPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The baseline policy, letting the page's forms go to <paramref name="origin"/> as well: a form whose
    /// answer redirects elsewhere (Pay, to the payment provider's page) is held to form-action on the redirect too.
    /// </summary>
    public static string AllowingFormsTo(string origin) => DefaultPolicy.Replace("form-action 'self'", $"form-action 'self' {origin}", StringComparison.Ordinal);

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var response = ((HttpContext)state).Response;
            var headers = response.Headers;
            if (!headers.ContainsKey("Content-Security-Policy"))
            {
                headers.ContentSecurityPolicy = DefaultPolicy;
            }

            headers.XContentTypeOptions = "nosniff";
            if (!headers.ContainsKey("X-Frame-Options"))
            {
                headers.XFrameOptions = "DENY";
            }

            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(self)";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (((HttpContext)state).Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
