using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Identity.Data;
using Portal.Identity.Models;

namespace Portal.Identity.Services;

/// <summary>Creating and finding users with the practice's rules (e-mail is the user name).</summary>
public sealed class UserAccounts(UserManager<PortalUser> users, UsersDbContext db, UserSessions sessions, TimeProvider clock)
{
    public Task<PortalUser?> FindByEmailAsync(string email) => users.FindByEmailAsync(email.Trim());

    /// <summary>Creates the user (without a password unless one is given); fails with Identity's errors.</summary>
    public async Task<(PortalUser? User, IReadOnlyList<string> Errors)> CreateAsync(
        string email,
        string displayName,
        UserKind kind,
        IEnumerable<string> roles,
        string? password)
    {
        var user = New(email, displayName, kind);
        var result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            return (null, result.Errors.Select(e => e.Description).ToList());
        }

        var roleList = roles.ToList();
        if (roleList.Count > 0)
        {
            var roleResult = await users.AddToRolesAsync(user, roleList);
            if (!roleResult.Succeeded)
            {
                await users.DeleteAsync(user);
                return (null, roleResult.Errors.Select(e => e.Description).ToList());
            }
        }

        return (user, []);
    }

    /// <summary>
    /// Creates client users (no password) for addresses that are no user's yet, in one save: the batch
    /// form of <see cref="CreateAsync"/> for the sync API, which would otherwise pay Identity's two
    /// look-ups and a save per user. It applies what Identity's validation does with the practice's
    /// options (the address is the user name, unique, any characters): the caller gives well-formed
    /// addresses, and the addresses that are already taken, or given twice, come back and are not made.
    /// A save the unique indexes refuse (a user made meanwhile) throws.
    /// </summary>
    public async Task<(IReadOnlyList<PortalUser> Created, IReadOnlySet<string> Taken)> CreateClientsAsync(
        IReadOnlyList<(string Email, string DisplayName)> people, CancellationToken cancellationToken = default)
    {
        var normalized = people.Select(p => users.NormalizeEmail(p.Email.Trim())).ToList();
        var stored = await db.Users.AsNoTracking()
            .Where(u => (u.NormalizedEmail != null && normalized.Contains(u.NormalizedEmail)) || (u.NormalizedUserName != null && normalized.Contains(u.NormalizedUserName)))
            .Select(u => new { u.NormalizedEmail, u.NormalizedUserName })
            .ToListAsync(cancellationToken);
        var used = stored.SelectMany(u => new[] { u.NormalizedEmail, u.NormalizedUserName }).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var created = new List<PortalUser>();
        for (var i = 0; i < people.Count; i++)
        {
            var (email, displayName) = people[i];
            if (!used.Add(normalized[i]))
            {
                taken.Add(email.Trim());
                continue;
            }

            var user = New(email, displayName, UserKind.Client);
            user.NormalizedEmail = normalized[i];
            user.NormalizedUserName = users.NormalizeName(user.UserName);
            user.SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
            db.Users.Add(user);
            created.Add(user);
        }

        if (created.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return (created, taken);
    }

    /// <summary>Disables the user: they cannot sign in and every session they have ends now.</summary>
    public async Task DisableAsync(PortalUser user, CancellationToken cancellationToken = default)
    {
        user.IsDisabled = true;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await sessions.EndAllAsync(user.Id, cancellationToken);
    }

    /// <summary>
    /// Gives the user a new password (already checked against the password rules by the caller) in
    /// one save together with any other changes made to <paramref name="user"/>, with a new security
    /// stamp; with <paramref name="endSessions"/> every session they have ends. One save means a
    /// failure never leaves the user without a password, as removing then adding could.
    /// </summary>
    public async Task<IdentityResult> ReplacePasswordAsync(PortalUser user, string password, bool endSessions, CancellationToken cancellationToken = default)
    {
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        var result = await users.UpdateSecurityStampAsync(user);
        if (result.Succeeded && endSessions)
        {
            await sessions.EndAllAsync(user.Id, cancellationToken);
        }

        return result;
    }

    public async Task EnableAsync(PortalUser user)
    {
        user.IsDisabled = false;
        await users.UpdateAsync(user);
    }

    private PortalUser New(string email, string displayName, UserKind kind) => new()
    {
        Id = Guid.CreateVersion7(),
        UserName = email.Trim(),
        Email = email.Trim(),
        DisplayName = displayName.Trim(),
        Kind = kind,
        CreatedAt = clock.GetUtcNow().UtcDateTime,
        LockoutEnabled = true,
    };
}
