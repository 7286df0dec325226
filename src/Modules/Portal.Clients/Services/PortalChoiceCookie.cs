using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Portal.Core.Security;
using Portal.Core.Tenancy;

namespace Portal.Clients.Services;

/// <summary>
/// Remembers which portal a client user chose. The value names the user and the portal and is
/// protected with a purpose that includes the practice, so it cannot be forged, moved to another
/// practice or used by another person on the same browser. It is only a preference: every read is
/// checked against the user's current memberships by <see cref="ClientAccess"/>.
/// </summary>
public sealed class PortalChoiceCookie(IDataProtectionProvider protection, IHttpContextAccessor accessor, TenantContext tenantContext)
{
    public const string Name = "portal.choice";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    public Guid? Read(Guid userId)
    {
        var context = accessor.HttpContext;
        if (context is null || !context.Request.Cookies.TryGetValue(SecureNameCookieManager.NameFor(context, Name), out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var parts = Protector().Unprotect(value).Split('|');
            return parts.Length == 2 && Guid.TryParse(parts[0], out var owner) && owner == userId && Guid.TryParse(parts[1], out var portalId)
                ? portalId
                : null;
        }
        catch (CryptographicException)
        {
            // Tampered with, from another practice, or protected with a key that no longer exists.
            return null;
        }
    }

    public void Write(Guid userId, Guid portalId)
    {
        var context = accessor.HttpContext ?? throw new InvalidOperationException("The portal choice is remembered for a request.");
        context.Response.Cookies.Append(SecureNameCookieManager.NameFor(context, Name), Protector().Protect($"{userId}|{portalId}"), Options(context, Lifetime));
    }

    public void Clear()
    {
        var context = accessor.HttpContext;
        if (context is not null && context.Request.Cookies.ContainsKey(SecureNameCookieManager.NameFor(context, Name)))
        {
            context.Response.Cookies.Delete(SecureNameCookieManager.NameFor(context, Name), Options(context, null));
        }
    }

    private IDataProtector Protector()
        => protection.CreateProtector("Portal.Clients.PortalChoice", "tenant:" + tenantContext.Tenant.Name);

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
