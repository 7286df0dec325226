using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Portal.Core.Tenancy;

namespace Portal.Core.Security;

/// <summary>
/// Small cookies a practice keeps in a person's browser (the portal they chose, a trusted device):
/// data-protected with a purpose that includes the practice, bound to one user, scoped to the
/// practice's host or path, HttpOnly. A value that was tampered with, comes from another practice or
/// another person on the same browser, or was protected with a retired key reads as absent.
/// </summary>
public sealed class PracticeCookies(IDataProtectionProvider protection, TenantContext tenantContext)
{
    /// <summary>The value written for <paramref name="userId"/> under <paramref name="purpose"/>, or null.</summary>
    public string? Read(HttpContext context, string name, string purpose, Guid userId)
    {
        if (!context.Request.Cookies.TryGetValue(SecureNameCookieManager.NameFor(context, name), out var cookie) || string.IsNullOrEmpty(cookie))
        {
            return null;
        }

        try
        {
            var payload = Protector(purpose).Unprotect(cookie);
            var separator = payload.IndexOf('|', StringComparison.Ordinal);
            return separator > 0 && Guid.TryParse(payload.AsSpan(0, separator), out var owner) && owner == userId ? payload[(separator + 1)..] : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public void Write(HttpContext context, string name, string purpose, Guid userId, string value, TimeSpan maxAge)
        => context.Response.Cookies.Append(SecureNameCookieManager.NameFor(context, name), Protector(purpose).Protect($"{userId}|{value}"), Options(context, maxAge));

    public void Delete(HttpContext context, string name)
    {
        if (context.Request.Cookies.ContainsKey(SecureNameCookieManager.NameFor(context, name)))
        {
            context.Response.Cookies.Delete(SecureNameCookieManager.NameFor(context, name), Options(context, null));
        }
    }

    private IDataProtector Protector(string purpose) => protection.CreateProtector(purpose, "tenant:" + tenantContext.Tenant.Name);

    private static CookieOptions Options(HttpContext context, TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps,
        Path = context.Request.PathBase.HasValue ? context.Request.PathBase.Value : "/",
        IsEssential = true,
        MaxAge = maxAge,
    };
}
