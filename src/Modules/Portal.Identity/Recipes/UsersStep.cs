using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Portal.Core.Recipes;
using Portal.Identity.Models;
using Portal.Identity.Services;

namespace Portal.Identity.Recipes;

/// <summary>
/// <c>{ "name": "users", "users": [ { "email", "displayName", "kind": "Staff|Client", "roles": [], "password"?, "invite"? } ] }</c>.
/// A user that exists already keeps its password and gains any missing roles; "invite" e-mails a
/// set-password link to users created by this run only.
/// </summary>
internal sealed class UsersStep(UserAccounts accounts, UserManager<PortalUser> users, RoleManager<PortalRole> roles, InvitationSender invitations)
    : RecipeStep<UsersStep.Model>
{
    public override string Name => "users";

    protected override IEnumerable<(string Field, string Problem)> Validate(Model model, RecipeStepContext context)
    {
        for (var i = 0; i < model.Users.Count; i++)
        {
            var user = model.Users[i];
            if (string.IsNullOrWhiteSpace(user.Email))
            {
                yield return ($"users[{i}].email", "is required.");
            }
            else if (!MailAddress.TryCreate(user.Email, out _))
            {
                yield return ($"users[{i}].email", $"'{user.Email}' is not an e-mail address.");
            }

            if (string.IsNullOrWhiteSpace(user.DisplayName))
            {
                yield return ($"users[{i}].displayName", "is required.");
            }

            if (user.Kind == UserKind.Client && user.Roles.Count > 0)
            {
                yield return ($"users[{i}].roles", "clients do not have staff roles.");
            }
        }
    }

    protected override async Task ExecuteAsync(Model model, RecipeStepContext context, CancellationToken cancellationToken)
    {
        var hashes = await HashNewPasswordsAsync(model, cancellationToken);
        for (var i = 0; i < model.Users.Count; i++)
        {
            var entry = model.Users[i];
            foreach (var role in entry.Roles)
            {
                if (!await roles.RoleExistsAsync(role))
                {
                    throw new RecipeStepException($"users[{i}].roles", $"there is no role '{role}' (add it with a roles step first).");
                }
            }

            var user = await accounts.FindByEmailAsync(entry.Email);
            if (user is not null)
            {
                var current = await users.GetRolesAsync(user);
                var missing = entry.Roles.Where(r => !current.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
                if (missing.Count > 0)
                {
                    await users.AddToRolesAsync(user, missing);
                }

                continue;
            }

            var (created, errors) = await accounts.CreateAsync(entry.Email, entry.DisplayName, entry.Kind, entry.Roles, password: null);
            if (created is null)
            {
                throw new RecipeStepException($"users[{i}]", string.Join(" ", errors));
            }

            if (hashes.TryGetValue(i, out var hash))
            {
                created.PasswordHash = hash;
                created.EmailConfirmed = true;
                var saved = await users.UpdateAsync(created);
                if (!saved.Succeeded)
                {
                    throw new RecipeStepException($"users[{i}].password", string.Join(" ", saved.Errors.Select(e => e.Description)));
                }
            }

            if (entry.Invite)
            {
                await invitations.SendSetPasswordLinkAsync(created, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Checks the password of every user this run creates against the password rules, then hashes them
    /// side by side: PBKDF2 (210,000 iterations) is nearly all the time a user takes to create, and a
    /// recipe's users are independent. Each hash has its own salt, exactly as when set one by one.
    /// Returns the hashes by the user's index.
    /// </summary>
    private async Task<Dictionary<int, string>> HashNewPasswordsAsync(Model model, CancellationToken cancellationToken)
    {
        var pending = new List<(int Index, PortalUser User, string Password)>();
        for (var i = 0; i < model.Users.Count; i++)
        {
            var entry = model.Users[i];
            if (entry.Password is null || await accounts.FindByEmailAsync(entry.Email) is not null)
            {
                continue;
            }

            var user = new PortalUser { UserName = entry.Email.Trim(), Email = entry.Email.Trim(), Kind = entry.Kind };
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, user, entry.Password);
                if (!result.Succeeded)
                {
                    throw new RecipeStepException($"users[{i}].password", string.Join(" ", result.Errors.Select(e => e.Description)));
                }
            }

            pending.Add((i, user, entry.Password));
        }

        var hashes = await Task.WhenAll(pending.Select(p => Task.Run(() => users.PasswordHasher.HashPassword(p.User, p.Password), cancellationToken)));
        return pending.Select((p, n) => (p.Index, Hash: hashes[n])).ToDictionary(p => p.Index, p => p.Hash);
    }

    public sealed class Model
    {
        public List<UserEntry> Users { get; set; } = [];
    }

    public sealed class UserEntry
    {
        public string Email { get; set; } = "";

        public string DisplayName { get; set; } = "";

        public UserKind Kind { get; set; } = UserKind.Staff;

        public List<string> Roles { get; set; } = [];

        public string? Password { get; set; }

        public bool Invite { get; set; }
    }
}
