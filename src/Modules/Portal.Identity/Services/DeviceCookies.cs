using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Core.Security;
using Portal.Core.Tenancy;

namespace Portal.Identity.Services;

/// <summary>
/// Marks a browser in which a user has signed in successfully (a data-protected cookie naming the
/// user and a random device id), so sign-in throttling can tell the account's owner from an attacker.
/// </summary>
public sealed class DeviceCookies(IDataProtectionProvider protection, TenantContext tenantContext, TimeProvider clock)
{
    public const string CookieName = "portal.device";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    private IDataProtector Protector => protection.CreateProtector("Portal.DeviceCookie", "tenant:" + tenantContext.Tenant.Name);

    /// <summary>The device id, when this browser carries a valid device cookie for the user.</summary>
    public string? TrustedDeviceFor(HttpContext context, Guid userId)
    {
        var value = context.Request.Cookies[SecureNameCookieManager.NameFor(context, CookieName)];
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var parts = Protector.Unprotect(value).Split('|');
            if (parts.Length == 3 && Guid.TryParse(parts[0], out var owner) && owner == userId
                && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var issued)
                && clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(issued) < Lifetime)
            {
                return parts[1];
            }
        }
        catch (CryptographicException)
        {
            // Tampered or from another practice: simply not trusted.
        }

        return null;
    }

    public void Issue(HttpContext context, Guid userId)
    {
        var device = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
        var payload = $"{userId}|{device}|{clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}";
        new SecureNameCookieManager().AppendResponseCookie(context, CookieName, Protector.Protect(payload), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Path = context.Request.PathBase.HasValue ? context.Request.PathBase.Value : "/",
            MaxAge = Lifetime,
            IsEssential = true,
        });
    }
}
