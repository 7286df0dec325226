using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Tenancy;
using Portal.Identity.Data;
using Portal.Identity.Models;

namespace Portal.Identity.Services;

/// <summary>
/// Keeps authentication tickets in the practice's database (the cookie holds a random key), so a
/// session can be ended on the server: signing out deletes the row and a replayed cookie is useless.
/// The database is the current request's practice database, never another practice's.
/// </summary>
/// <remarks>
/// Every signed-in request needs its session, so this server keeps a copy of each session it has read
/// (the serialized ticket and its expiry; a fresh ticket is deserialized per request), keyed on the
/// practice's sessions version. Ending a session bumps that version after the delete
/// (<see cref="SessionsArea"/>, <see cref="IPracticeDataVersions"/>): the next request on this server
/// reads the store again, other servers as soon as they hear of it. A key that is not in the store is
/// never cached, so made-up cookies cannot fill the memory.
/// </remarks>
public sealed class DatabaseTicketStore(IHttpContextAccessor accessor, TimeProvider clock, IMemoryCache cache, IPracticeDataVersions versions) : ITicketStore
{
    /// <summary>The data-version area of a practice's sessions: bumped whenever sessions end.</summary>
    public const string SessionsArea = "sessions";

    // Bounds how long another server's renewal of a session goes unseen here (the stamp check and
    // sliding expiry then work from the older copy, which is harmless); ending sessions does not wait for it.
    private static readonly TimeSpan CopyLifetime = TimeSpan.FromMinutes(2);

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var context = accessor.HttpContext ?? throw new InvalidOperationException("Sessions are created during a request.");
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new UserSession
        {
            Id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32)),
            UserId = Guid.Parse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)!),
            Ticket = TicketSerializer.Default.Serialize(ticket),
            CreatedAt = now,
            LastActivityAt = now,
            ExpiresAt = ticket.Properties.ExpiresUtc?.UtcDateTime ?? now.AddHours(12),
            IpAddress = context.Connection.RemoteIpAddress?.ToString(),
            UserAgent = Truncate(context.Request.Headers.UserAgent.ToString(), 300),
        };
        var db = Db(context);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(context.RequestAborted);
        return session.Id;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        var context = accessor.HttpContext!;
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = ticket.Properties.ExpiresUtc?.UtcDateTime ?? now.AddHours(12);
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var renewed = await Db(context).Sessions.Where(s => s.Id == key).ExecuteUpdateAsync(
            s => s.SetProperty(x => x.Ticket, bytes).SetProperty(x => x.ExpiresAt, expires).SetProperty(x => x.LastActivityAt, now),
            context.RequestAborted);
        var copyKey = await CopyKeyAsync(context, key);
        if (renewed > 0)
        {
            Keep(copyKey, new SessionCopy(bytes, expires), now);
        }
        else
        {
            cache.Remove(copyKey);
        }
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var context = accessor.HttpContext!;
        if (context.GetTenant() is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var copyKey = await CopyKeyAsync(context, key);
        if (!cache.TryGetValue(copyKey, out SessionCopy? session) || session is null)
        {
            session = await Db(context).Sessions.AsNoTracking()
                .Where(s => s.Id == key && s.ExpiresAt > now)
                .Select(s => new SessionCopy(s.Ticket, s.ExpiresAt))
                .SingleOrDefaultAsync(context.RequestAborted);
            if (session is null)
            {
                return null;
            }

            Keep(copyKey, session, now);
        }

        if (session.ExpiresAt <= now)
        {
            return null;
        }

        // The principal restored from the store no longer carries its key; pages that end "all other
        // sessions" need to know which one is this one.
        context.Items[CurrentSessionKey] = key;
        return TicketSerializer.Default.Deserialize(session.Ticket);
    }

    public const string CurrentSessionKey = "portal.session-id";

    /// <summary>The session key of the current request's cookie, once authentication has run.</summary>
    public static string? CurrentSession(HttpContext context) => context.Items[CurrentSessionKey] as string;

    public async Task RemoveAsync(string key)
    {
        var context = accessor.HttpContext!;
        await Db(context).Sessions.Where(s => s.Id == key).ExecuteDeleteAsync(CancellationToken.None);
        await versions.BumpAsync(context.GetTenant()!.Id, SessionsArea, CancellationToken.None);
    }

    private async ValueTask<string> CopyKeyAsync(HttpContext context, string key)
    {
        var practice = context.GetTenant()?.Id ?? throw new InvalidOperationException("Sessions belong to a practice.");
        return $"session:{practice:N}:{await versions.CurrentAsync(practice, SessionsArea, context.RequestAborted)}:{key}";
    }

    private void Keep(string copyKey, SessionCopy session, DateTime now)
    {
        var lifetime = session.ExpiresAt - now;
        if (lifetime > TimeSpan.Zero)
        {
            cache.Set(copyKey, session, lifetime < CopyLifetime ? lifetime : CopyLifetime);
        }
    }

    private sealed record SessionCopy(byte[] Ticket, DateTime ExpiresAt);

    private static UsersDbContext Db(HttpContext context) => context.RequestServices.GetRequiredService<UsersDbContext>();

    private static string? Truncate(string value, int length) => value.Length == 0 ? null : value.Length <= length ? value : value[..length];
}
