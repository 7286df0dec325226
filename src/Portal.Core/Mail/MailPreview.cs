using Microsoft.AspNetCore.Http;

namespace Portal.Core.Mail;

/// <summary>
/// An e-mail's HTML shown inside the admin, in a frame: sandboxed (no scripts, no forms, its own
/// origin), framable only by the portal itself, never cached. Every preview (outbox, template
/// editor, reminders) answers through this one policy.
/// </summary>
public static class MailPreview
{
    public static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Html(HttpContext context, string html)
    {
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self' https: http: data:; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox";
        context.Response.Headers.XFrameOptions = "SAMEORIGIN";
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }
}
