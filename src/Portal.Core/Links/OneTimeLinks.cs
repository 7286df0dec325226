using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Links;

/// <summary>
/// One-time links in the practice's database. A token is 256 random bits, base64url; the row holds
/// its SHA-256 (with that much entropy a plain hash cannot be reversed by guessing, and lookup stays
/// an index seek). Redeeming and revoking are conditional updates, so a link works once even when
/// clicked twice at the same moment.
/// </summary>
internal sealed class OneTimeLinks(CoreTenantDbContext db, TimeProvider clock) : IOneTimeLinks
{
    private const int TokenBytes = 32;

    /// <summary>Longer than any token this issues; anything longer is not hashed at all.</summary>
    private const int TokenMaxLength = 100;

    public async Task<string> IssueAsync(OneTimeLinkRequest request, CancellationToken cancellationToken = default)
    {
        CheckPurpose(request.Purpose);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(request.Lifetime, TimeSpan.Zero, nameof(request));
        if (request.Data is { Length: > OneTimeLinkRecord.DataMaxLength })
        {
            throw new ArgumentException($"A link's data is at most {OneTimeLinkRecord.DataMaxLength} characters.", nameof(request));
        }

        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(TokenBytes));
        var now = clock.GetUtcNow().UtcDateTime;
        await RevokeAsync(request.Purpose, request.SubjectId, now, cancellationToken);
        db.OneTimeLinks.Add(new OneTimeLinkRecord
        {
            Id = Guid.CreateVersion7(),
            Purpose = request.Purpose,
            SubjectId = request.SubjectId,
            TokenHash = Hash(token),
            Data = request.Data,
            CreatedAt = now,
            ExpiresAt = now + request.Lifetime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    public async Task<OneTimeLinkCheck> CheckAsync(string purpose, string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > TokenMaxLength)
        {
            return new OneTimeLinkCheck(OneTimeLinkStatus.Invalid, null);
        }

        var hash = Hash(token);
        var row = await db.OneTimeLinks.AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == hash && l.Purpose == purpose, cancellationToken);
        if (row is null)
        {
            return new OneTimeLinkCheck(OneTimeLinkStatus.Invalid, null);
        }

        var link = new OneTimeLink(row.Id, row.Purpose, row.SubjectId, row.Data, row.ExpiresAt);
        if (row.UsedAt is not null)
        {
            return new OneTimeLinkCheck(OneTimeLinkStatus.Used, link);
        }

        return row.ExpiresAt <= clock.GetUtcNow().UtcDateTime
            ? new OneTimeLinkCheck(OneTimeLinkStatus.Expired, link)
            : new OneTimeLinkCheck(OneTimeLinkStatus.Valid, link);
    }

    public async Task<bool> RedeemAsync(Guid linkId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var updated = await db.OneTimeLinks
            .Where(l => l.Id == linkId && l.UsedAt == null && l.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, now), cancellationToken);
        return updated == 1;
    }

    public Task<int> RevokeAllAsync(string purpose, Guid subjectId, CancellationToken cancellationToken = default)
    {
        CheckPurpose(purpose);
        return RevokeAsync(purpose, subjectId, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    public Task<bool> HasBeenIssuedAsync(string purpose, Guid subjectId, CancellationToken cancellationToken = default)
        => db.OneTimeLinks.AnyAsync(l => l.SubjectId == subjectId && l.Purpose == purpose, cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, string?>> PendingAsync(string purpose, IReadOnlyCollection<Guid> subjectIds, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.OneTimeLinks.AsNoTracking()
            .Where(l => subjectIds.Contains(l.SubjectId) && l.Purpose == purpose && l.UsedAt == null && l.ExpiresAt > now)
            .Select(l => new { l.SubjectId, l.Data, l.CreatedAt })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.SubjectId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.CreatedAt).First().Data);
    }

    /// <summary>A revoked link reads as expired from then on: to its holder it is a link that no longer works.</summary>
    private Task<int> RevokeAsync(string purpose, Guid subjectId, DateTime now, CancellationToken cancellationToken)
        => db.OneTimeLinks
            .Where(l => l.SubjectId == subjectId && l.Purpose == purpose && l.UsedAt == null && l.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, now), cancellationToken);

    private static void CheckPurpose(string purpose)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        if (purpose.Length > OneTimeLinkRecord.PurposeMaxLength)
        {
            throw new ArgumentException($"A link's purpose is at most {OneTimeLinkRecord.PurposeMaxLength} characters.", nameof(purpose));
        }
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
