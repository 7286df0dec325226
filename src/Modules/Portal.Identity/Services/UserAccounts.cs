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
    /// options (the address is the user name, unique, any characters) except the address's form, which
    /// the caller checks. Each row's user, in order, or null when its address is already a user's (or an
    /// earlier row's). A save the unique indexes refuse (a user made meanwhile) throws.
    /// </summary>
    internal async Task<IReadOnlyList<PortalUser?>> CreateClientsAsync(IReadOnlyList<(string Email, string DisplayName)> people, CancellationToken cancellationToken = default)
    {
        var normalized = people.Select(p => users.NormalizeEmail(p.Email.Trim())).ToList();
        var stored = await db.Users.AsNoTracking()
            .Where(u => (u.NormalizedEmail != null && normalized.Contains(u.NormalizedEmail)) || (u.NormalizedUserName != null && normalized.Contains(u.NormalizedUserName)))
            .Select(u => new { u.NormalizedEmail, u.NormalizedUserName })
            .ToListAsync(cancellationToken);
        var used = stored.SelectMany(u => new[] { u.NormalizedEmail, u.NormalizedUserName }).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var created = new PortalUser?[people.Count];
        for (var i = 0; i < people.Count; i++)
        {
            if (!used.Add(normalized[i]))
            {
                continue;
            }

            var user = New(people[i].Email, people[i].DisplayName, UserKind.Client);
            user.NormalizedEmail = normalized[i];
            user.NormalizedUserName = users.NormalizeName(user.UserName);
            user.SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
            db.Users.Add(user);
            created[i] = user;
        }

        if (created.Any(u => u is not null))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return created;
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
