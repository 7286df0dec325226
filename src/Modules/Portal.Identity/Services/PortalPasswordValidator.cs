using Microsoft.AspNetCore.Identity;
using Portal.Identity.Models;

namespace Portal.Identity.Services;

/// <summary>
/// Password rules after NIST SP 800-63B / ASVS 6.2: a minimum length (8 for clients, 12 for staff),
/// long passphrases allowed (up to 256 characters, never truncated), no composition rules, and a
/// refusal of common passwords and of passwords built from the user's own e-mail address.
/// </summary>
public sealed class PortalPasswordValidator : IPasswordValidator<PortalUser>
{
    public const int ClientMinimumLength = 8;
    public const int StaffMinimumLength = 12;
    public const int MaximumLength = 256;

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        password ??= "";
        var minimum = user.Kind == UserKind.Staff ? StaffMinimumLength : ClientMinimumLength;
        var length = new System.Globalization.StringInfo(password).LengthInTextElements;
        if (length < minimum)
        {
            return Fail("PasswordTooShort", $"Use at least {minimum} characters. A few unrelated words make a strong password that is easy to remember.");
        }

        if (password.Length > MaximumLength)
        {
            return Fail("PasswordTooLong", $"Use at most {MaximumLength} characters.");
        }

        if (CommonPasswords.Contains(password))
        {
            return Fail("PasswordCommon", "This password is too common and appears in lists attackers try first. Choose another.");
        }

        var local = user.Email?.Split('@')[0];
        if (local is { Length: >= 4 } && password.Contains(local, StringComparison.OrdinalIgnoreCase))
        {
            return Fail("PasswordContainsEmail", "Do not use your e-mail address in your password.");
        }

        if (password.Distinct().Count() < 3)
        {
            return Fail("PasswordRepetitive", "This password repeats too few characters. Choose another.");
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private static Task<IdentityResult> Fail(string code, string description)
        => Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));
}
