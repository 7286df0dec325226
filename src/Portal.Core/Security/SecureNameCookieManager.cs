using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace Portal.Core.Security;

/// <summary>
/// Gives cookies the strongest name prefix the request allows: <c>__Host-</c> over HTTPS at the site
/// root (a practice on its own host), <c>__Secure-</c> over HTTPS under a <c>/t/{name}</c> prefix, and the
/// plain name over HTTP on localhost, so one configuration works in development and production.
/// </summary>
public sealed class SecureNameCookieManager : ICookieManager
{
    private readonly ChunkingCookieManager _inner = new();

    public static string NameFor(HttpContext context, string name)
    {
        if (!context.Request.IsHttps)
        {
            return name;
        }

        return context.Request.PathBase.HasValue ? "__Secure-" + name : "__Host-" + name;
    }

    public string? GetRequestCookie(HttpContext context, string key) => _inner.GetRequestCookie(context, NameFor(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options)
        => _inner.AppendResponseCookie(context, NameFor(context, key), value, Fix(context, options));

    public void DeleteCookie(HttpContext context, string key, CookieOptions options)
        => _inner.DeleteCookie(context, NameFor(context, key), Fix(context, options));

    private static CookieOptions Fix(HttpContext context, CookieOptions options)
    {
        if (context.Request.IsHttps)
        {
            options.Secure = true;
            if (!context.Request.PathBase.HasValue)
            {
                options.Path = "/";
                options.Domain = null;
            }
        }

        return options;
    }
}
