using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Identity.Data;
using Portal.Identity.Models;

namespace Portal.Identity.Services;

/// <summary>
/// Keeps authentication tickets in the practice's database (the cookie holds a random key), so a
/// session can be ended on the server: signing out deletes the row and a replayed cookie is useless.
/// The database is the current request's practice database, never another practice's.
/// </summary>
public sealed class DatabaseTicketStore(IHttpContextAccessor accessor, TimeProvider clock) : ITicketStore
{
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
        await Db(context).Sessions.Where(s => s.Id == key).ExecuteUpdateAsync(
            s => s.SetProperty(x => x.Ticket, bytes).SetProperty(x => x.ExpiresAt, expires).SetProperty(x => x.LastActivityAt, now),
            context.RequestAborted);
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var context = accessor.HttpContext!;
        var now = clock.GetUtcNow().UtcDateTime;
        var session = await Db(context).Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == key && s.ExpiresAt > now, context.RequestAborted);
        if (session is null)
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
        await Db(context).Sessions.Where(s => s.Id == key).ExecuteDeleteAsync(context.RequestAborted);
    }

    private static UsersDbContext Db(HttpContext context) => context.RequestServices.GetRequiredService<UsersDbContext>();

    private static string? Truncate(string value, int length) => value.Length == 0 ? null : value.Length <= length ? value : value[..length];
}
