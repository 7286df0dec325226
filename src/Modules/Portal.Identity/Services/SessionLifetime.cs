using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Portal.Identity.Services;

/// <summary>
/// Enforces the absolute session lifetime: the time of sign-in is kept in the cookie's properties
/// (they survive renewals) and a session older than the limit is rejected whatever its activity.
/// </summary>
public static class SessionLifetime
{
    public const string SignedInAtKey = "portal.signed_in_at";

    public static void Stamp(CookieSigningInContext context, TimeProvider clock)
    {
        if (!context.Properties.Items.ContainsKey(SignedInAtKey))
        {
            context.Properties.Items[SignedInAtKey] = clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public static bool IsExpired(AuthenticationProperties properties, TimeSpan absolute, TimeProvider clock)
    {
        if (!properties.Items.TryGetValue(SignedInAtKey, out var value) || !long.TryParse(value, out var seconds))
        {
            return true;
        }

        return clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) > absolute;
    }
}
