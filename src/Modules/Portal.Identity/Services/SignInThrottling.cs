using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Identity.Data;
using Portal.Identity.Models;

namespace Portal.Identity.Services;

/// <summary>
/// Slows online guessing without handing attackers a way to lock real users out (OWASP "device
/// cookies"). Failures are counted per account for browsers that never signed in to it, per IP
/// address across accounts (password spraying), and per trusted device. A browser holding a valid
/// device cookie for the account is judged only by its own failures, so the account's owner signs
/// in while an attack on the account is blocked. Counters exist for every address typed, known or
/// not, so the answers do not reveal which accounts exist.
/// </summary>
public sealed class SignInThrottling(UsersDbContext db, IOptions<PortalIdentityOptions> options, TimeProvider clock)
{
    public async Task<bool> IsBlockedAsync(string email, string? ip, string? trustedDevice, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var keys = trustedDevice is not null ? [DeviceKey(trustedDevice)] : new List<string> { AccountKey(email), IpKey(ip) };
        return await db.SignInThrottles.AsNoTracking().AnyAsync(t => keys.Contains(t.Key) && t.BlockedUntil > now, cancellationToken);
    }

    public async Task RecordFailureAsync(string email, string? ip, string? trustedDevice, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (trustedDevice is not null)
        {
            await CountAsync(DeviceKey(trustedDevice), settings.DeviceFailuresBeforeBlock, cancellationToken);
        }
        else
        {
            await CountAsync(AccountKey(email), settings.AccountFailuresBeforeBlock, cancellationToken);
            await CountAsync(IpKey(ip), settings.IpFailuresBeforeBlock, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RecordSuccessAsync(string email, string? trustedDevice, CancellationToken cancellationToken = default)
    {
        // A success from a trusted device clears only that device: an attack on the account from
        // elsewhere stays blocked.
        var key = trustedDevice is not null ? DeviceKey(trustedDevice) : AccountKey(email);
        await db.SignInThrottles.Where(t => t.Key == key).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task CountAsync(string key, int limit, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.SignInThrottles.SingleOrDefaultAsync(t => t.Key == key, cancellationToken);
        if (row is null)
        {
            row = new SignInThrottle { Key = key, WindowStartedAt = now };
            db.SignInThrottles.Add(row);
        }
        else if (row.WindowStartedAt + settings.ThrottleWindow < now && !(row.BlockedUntil > now))
        {
            row.Failures = 0;
            row.WindowStartedAt = now;
            row.BlockedUntil = null;
        }

        row.Failures++;
        if (row.Failures >= limit)
        {
            row.BlockedUntil = now + settings.ThrottleBlock;
        }
    }

    private static string AccountKey(string email)
        => "account:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())))[..40];

    private static string IpKey(string? ip) => "ip:" + (ip ?? "unknown");

    private static string DeviceKey(string device) => "device:" + device;
}
