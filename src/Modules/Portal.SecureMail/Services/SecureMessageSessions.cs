using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Portal.Core.Security;
using Portal.SecureMail.Models;

namespace Portal.SecureMail.Services;

/// <summary>
/// "Unlocked in this browser": a data-protected, HttpOnly cookie of the practice, named after and bound
/// to one message, holding the message's session stamp and expiry. Locking, revoking or re-opening the
/// message changes the stamp, so an unlocked browser loses access at once; the cookie itself is short-lived.
/// </summary>
public sealed class SecureMessageSessions(PracticeCookies cookies, IOptions<SecureMailOptions> options, TimeProvider clock)
{
    private const string Purpose = "Portal.SecureMail.Unlocked";

    public void Open(HttpContext context, SecureMessage message)
    {
        var lifetime = options.Value.UnlockedSessionLifetime;
        var until = clock.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        cookies.Write(context, CookieName(message.Id), Purpose, message.Id, $"{message.SessionStamp}|{until}", lifetime);
    }

    public bool IsOpen(HttpContext context, SecureMessage message)
    {
        if (message.LockedAt is not null || message.RevokedAt is not null || message.IsExpired(clock.GetUtcNow().UtcDateTime))
        {
            return false;
        }

        var value = cookies.Read(context, CookieName(message.Id), Purpose, message.Id);
        var parts = value?.Split('|');
        return parts is [var stamp, var until]
            && stamp == message.SessionStamp
            && long.TryParse(until, out var seconds)
            && seconds > clock.GetUtcNow().ToUnixTimeSeconds();
    }

    private static string CookieName(Guid messageId) => $"portal.sm.{messageId:N}";
}
