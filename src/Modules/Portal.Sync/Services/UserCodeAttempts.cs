using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Portal.Sync.Data;
using Portal.Sync.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Sync.Services;

/// <summary>
/// Caps guessing of device user codes (RFC 8628 s5.1): a person who typed <see cref="PerUser"/> codes that
/// matched nothing within <see cref="Window"/> is stopped until the oldest of them leaves it; and a waiting
/// code is refused for good (its machine gets access_denied) once <see cref="PerCode"/> wrong codes were
/// typed in the practice since it was issued, whoever typed them.
/// </summary>
public sealed class UserCodeAttempts(SyncDbContext db, IOpenIddictTokenManager tokens, TimeProvider clock)
{
    public const int PerUser = 5;

    public const int PerCode = 10;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public async Task<bool> IsBlockedAsync(Guid userId, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().UtcDateTime - Window;
        return await db.UserCodeAttempts.CountAsync(a => a.UserId == userId && a.AttemptedAt > since, cancellationToken) >= PerUser;
    }

    public async Task RecordFailureAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.UserCodeAttempts.Add(new SyncUserCodeAttempt { Id = Guid.NewGuid(), UserId = userId, AttemptedAt = now });
        await db.SaveChangesAsync(cancellationToken);

        var waiting = await db.Tokens.AsNoTracking()
            .Where(t => t.Type == TokenTypeIdentifiers.Private.DeviceCode
                && t.Status == Statuses.Inactive
                && t.ExpirationDate > now)
            .Select(t => new { t.Id, t.CreationDate })
            .ToListAsync(cancellationToken);
        foreach (var code in waiting)
        {
            var issued = code.CreationDate ?? DateTime.MinValue;
            if (await db.UserCodeAttempts.CountAsync(a => a.AttemptedAt >= issued, cancellationToken) >= PerCode
                && await tokens.FindByIdAsync(code.Id.ToString(), cancellationToken) is { } entry)
            {
                await tokens.TryRejectAsync(entry, cancellationToken);
            }
        }
    }

    /// <summary>Attempts older than the window no longer count for anyone.</summary>
    public Task<int> ForgetOldAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime - Window - SyncServer.DeviceCodeLifetime;
        return db.UserCodeAttempts.Where(a => a.AttemptedAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}
