using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Portal.Identity.Data;
using Portal.Identity.Models;

namespace Portal.Identity.Services;

/// <summary>
/// Issues and redeems one-time links. A token is 256 random bits; only its SHA-256 is stored, so the
/// database alone cannot produce a working link. Redeeming is a conditional update, so a link works
/// once even when clicked twice at the same moment.
/// </summary>
public sealed class AccountTokenService(UsersDbContext db, TimeProvider clock)
{
    public async Task<string> IssueAsync(Guid userId, AccountTokenPurpose purpose, TimeSpan lifetime, string? data = null, CancellationToken cancellationToken = default)
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;

        // A new link replaces earlier unused links of the same purpose.
        await db.AccountTokens
            .Where(t => t.UserId == userId && t.Purpose == purpose && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, now), cancellationToken);

        db.AccountTokens.Add(new AccountToken
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Purpose = purpose,
            TokenHash = Hash(token),
            Data = data,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    public Task<bool> HasBeenIssuedAsync(Guid userId, AccountTokenPurpose purpose, CancellationToken cancellationToken = default)
        => db.AccountTokens.AnyAsync(t => t.UserId == userId && t.Purpose == purpose, cancellationToken);

    /// <summary>The newest unused, unexpired token of a purpose (e.g. a pending e-mail change).</summary>
    public Task<AccountToken?> PendingAsync(Guid userId, AccountTokenPurpose purpose, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.AccountTokens.AsNoTracking()
            .Where(t => t.UserId == userId && t.Purpose == purpose && t.UsedAt == null && t.ExpiresAt > now)
            .OrderByDescending(t => t.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The newest pending token data (e.g. a new e-mail address) of several users, in one query.</summary>
    public async Task<IReadOnlyDictionary<Guid, string?>> PendingManyAsync(IReadOnlyCollection<Guid> userIds, AccountTokenPurpose purpose, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.AccountTokens.AsNoTracking()
            .Where(t => userIds.Contains(t.UserId) && t.Purpose == purpose && t.UsedAt == null && t.ExpiresAt > now)
            .Select(t => new { t.UserId, t.Data, t.CreatedAt })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.CreatedAt).First().Data);
    }

    /// <summary>Looks a token up without using it (to show the form behind the link).</summary>
    public async Task<AccountTokenCheck> CheckAsync(string? token, AccountTokenPurpose purpose, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return new AccountTokenCheck(AccountTokenStatus.Invalid, null);
        }

        var hash = Hash(token);
        var row = await db.AccountTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == purpose, cancellationToken);
        if (row is null)
        {
            return new AccountTokenCheck(AccountTokenStatus.Invalid, null);
        }

        if (row.UsedAt is not null)
        {
            return new AccountTokenCheck(AccountTokenStatus.Used, row);
        }

        return row.ExpiresAt <= clock.GetUtcNow().UtcDateTime
            ? new AccountTokenCheck(AccountTokenStatus.Expired, row)
            : new AccountTokenCheck(AccountTokenStatus.Valid, row);
    }

    /// <summary>Marks the token used; false when it was used or expired in the meantime.</summary>
    public async Task<bool> RedeemAsync(Guid tokenId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var updated = await db.AccountTokens
            .Where(t => t.Id == tokenId && t.UsedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken);
        return updated == 1;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

public enum AccountTokenStatus
{
    Valid,
    Invalid,
    Expired,
    Used,
}

public sealed record AccountTokenCheck(AccountTokenStatus Status, AccountToken? Token);
