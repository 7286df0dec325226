using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Core.Security;

namespace Portal.Identity.Services;

/// <summary>
/// Marks a browser in which a user has signed in successfully (a <see cref="PracticeCookies"/> cookie
/// holding a random device id and when it was issued), so sign-in throttling can tell the account's
/// owner from an attacker.
/// </summary>
public sealed class DeviceCookies(PracticeCookies cookies, TimeProvider clock)
{
    public const string CookieName = "portal.device";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);
    private const string Purpose = "Portal.DeviceCookie";

    /// <summary>The device id, when this browser carries a valid device cookie for the user.</summary>
    public string? TrustedDeviceFor(HttpContext context, Guid userId)
    {
        var parts = cookies.Read(context, CookieName, Purpose, userId)?.Split('|');
        return parts is [var device, var issuedAt]
            && long.TryParse(issuedAt, NumberStyles.None, CultureInfo.InvariantCulture, out var issued)
            && clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(issued) < Lifetime
                ? device
                : null;
    }

    public void Issue(HttpContext context, Guid userId)
    {
        var device = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
        cookies.Write(context, CookieName, Purpose, userId, $"{device}|{clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}", Lifetime);
    }
}
