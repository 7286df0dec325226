using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Portal.Core.Security;
using Portal.SecureMail.Models;

namespace Portal.SecureMail.Services;

/// <summary>
/// "Unlocked in this browser": a data-protected, HttpOnly cookie of the practice, named after and bound
/// to one message, holding the message's session stamp and expiry. Locking, revoking or re-opening the
/// message changes the stamp, so an unlocked browser loses access at once; the cookie itself is short-lived.
/// It also keeps the link's token, so the return page of a payment (which carries no token: Stripe and the
/// books must never hold it) can send this browser back to the message.
/// </summary>
public sealed class SecureMessageSessions(PracticeCookies cookies, IOptions<SecureMailOptions> options, TimeProvider clock)
{
    private const string Purpose = "Portal.SecureMail.Unlocked";

    public void Open(HttpContext context, SecureMessage message, string token)
    {
        var lifetime = options.Value.UnlockedSessionLifetime;
        var until = clock.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        cookies.Write(context, CookieName(message.Id), Purpose, message.Id, $"{message.SessionStamp}|{until}|{token}", lifetime);
    }

    public bool IsOpen(HttpContext context, SecureMessage message) => OpenToken(context, message) is not null;

    /// <summary>The link's token this browser unlocked <paramref name="message"/> with, while that session is open; otherwise null.</summary>
    public string? OpenToken(HttpContext context, SecureMessage message)
    {
        if (message.LockedAt is not null || message.RevokedAt is not null || message.IsExpired(clock.GetUtcNow().UtcDateTime))
        {
            return null;
        }

        var value = cookies.Read(context, CookieName(message.Id), Purpose, message.Id);
        var parts = value?.Split('|');
        return parts is [var stamp, var until, var token]
            && stamp == message.SessionStamp
            && long.TryParse(until, out var seconds)
            && seconds > clock.GetUtcNow().ToUnixTimeSeconds()
            && SecureMessageTokens.IsWellFormed(token)
            && SecureMessageTokens.Hash(token) == message.TokenHash
                ? token
                : null;
    }

    private static string CookieName(Guid messageId) => $"portal.sm.{messageId:N}";
}
