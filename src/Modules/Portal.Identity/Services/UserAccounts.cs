using Microsoft.AspNetCore.Identity;
using Portal.Identity.Models;

namespace Portal.Identity.Services;

/// <summary>Creating and finding users with the practice's rules (e-mail is the user name).</summary>
public sealed class UserAccounts(UserManager<PortalUser> users, UserSessions sessions, TimeProvider clock)
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
        var user = new PortalUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email.Trim(),
            Email = email.Trim(),
            DisplayName = displayName.Trim(),
            Kind = kind,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };
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
}
