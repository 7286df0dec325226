using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace Portal.Core.Tenancy;

/// <summary>
/// The small self-contained pages served before a practice's own site can answer (unknown address,
/// setting up, switched off). They carry their own style so they render even when nothing else does.
/// </summary>
public static class StatusPage
{
    private const string Style =
        "body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;background:#f4f6f8;color:#1d2733;display:grid;place-items:center;min-height:100vh}" +
        "main{max-width:34rem;margin:1.5rem;padding:2rem 2.25rem;background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.12)}" +
        "h1{font-size:1.5rem;margin:0 0 .75rem}p{margin:.5rem 0}.code{color:#5b6775;font-size:.875rem;letter-spacing:.04em;text-transform:uppercase}";

    public static Task WriteAsync(HttpContext context, int statusCode, string title, string message, int? retryAfterSeconds = null)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        if (retryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        // Only an inline style, no script and no user-supplied markup (everything below is encoded).
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
        var html = HtmlEncoder.Default;
        var body =
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">" +
            $"<title>{html.Encode(title)}</title><style>{Style}</style></head><body><main>" +
            $"<p class=\"code\">Error {statusCode.ToString(CultureInfo.InvariantCulture)}</p><h1>{html.Encode(title)}</h1><p>{html.Encode(message)}</p>" +
            "</main></body></html>";
        return response.WriteAsync(body, context.RequestAborted);
    }
}
