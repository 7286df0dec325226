using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Identity.Data;
using Portal.Identity.Models;

namespace Portal.Identity.Services;

/// <summary>
/// Ten single-use recovery codes per user, shown once and stored only as PBKDF2 hashes (Identity
/// keeps its own codes in plain text, which is why this replaces them).
/// </summary>
public sealed class RecoveryCodes(UsersDbContext db, IPasswordHasher<PortalUser> hasher, TimeProvider clock)
{
    public const int Count = 10;
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    public async Task<IReadOnlyList<string>> ReplaceAsync(PortalUser user, CancellationToken cancellationToken = default)
    {
        await db.RecoveryCodes.Where(c => c.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var codes = Enumerable.Range(0, Count).Select(_ => NewCode()).ToList();
        db.RecoveryCodes.AddRange(codes.Select(code => new RecoveryCode
        {
            Id = Guid.CreateVersion7(),
            UserId = user.Id,
            CodeHash = hasher.HashPassword(user, Normalize(code)),
            CreatedAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
        return codes;
    }

    /// <summary>True when the code is one of the user's unused codes; it is then used up.</summary>
    public async Task<bool> RedeemAsync(PortalUser user, string code, CancellationToken cancellationToken = default)
    {
        var normalized = Normalize(code);
        if (normalized.Length != 10)
        {
            return false;
        }

        var unused = await db.RecoveryCodes.AsNoTracking().Where(c => c.UserId == user.Id && c.UsedAt == null).ToListAsync(cancellationToken);
        foreach (var candidate in unused)
        {
            if (hasher.VerifyHashedPassword(user, candidate.CodeHash, normalized) != PasswordVerificationResult.Failed)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                return await db.RecoveryCodes.Where(c => c.Id == candidate.Id && c.UsedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), cancellationToken) == 1;
            }
        }

        return false;
    }

    public Task<int> RemainingAsync(Guid userId, CancellationToken cancellationToken = default)
        => db.RecoveryCodes.CountAsync(c => c.UserId == userId && c.UsedAt == null, cancellationToken);

    public Task DeleteAllAsync(Guid userId, CancellationToken cancellationToken = default)
        => db.RecoveryCodes.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    private static string NewCode()
    {
        var chars = Enumerable.Range(0, 10).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray();
        return new string(chars, 0, 5) + "-" + new string(chars, 5, 5);
    }

    private static string Normalize(string code) => code.Trim().Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
}
