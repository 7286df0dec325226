using Microsoft.AspNetCore.Identity;
using Portal.Identity.Models;

namespace Portal.Identity.Services;

/// <summary>
/// Password rules after NIST SP 800-63B / ASVS 6.2: a minimum length (8 for clients, 12 for staff),
/// long passphrases allowed (up to 256 characters, never truncated), no composition rules, and a
/// refusal of common passwords and of passwords made mostly of the user's own e-mail address.
/// </summary>
public sealed class PortalPasswordValidator : IPasswordValidator<PortalUser>
{
    public const int ClientMinimumLength = 8;
    public const int StaffMinimumLength = 12;
    public const int MaximumLength = 256;

    public static int MinimumLengthFor(UserKind kind) => kind == UserKind.Staff ? StaffMinimumLength : ClientMinimumLength;

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        password ??= "";
        var minimum = MinimumLengthFor(user.Kind);
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

        if (IsMostlyEmail(password, user.Email))
        {
            return Fail("PasswordContainsEmail", "This password is mostly your e-mail address. Add words of your own.");
        }

        if (password.Distinct().Count() < 3)
        {
            return Fail("PasswordRepetitive", "This password repeats too few characters. Choose another.");
        }

        return Task.FromResult(IdentityResult.Success);
    }

    /// <summary>
    /// Built from the address: what is left after taking out the address's name (letters and digits
    /// only; the whole address first) is shorter than a client's minimum. Sharing a word with it ("client" in
    /// client-portal-blue-kite for client@...) is not.
    /// </summary>
    private static bool IsMostlyEmail(string password, string? email)
    {
        var local = Letters(email?.Split('@')[0] ?? "");
        if (local.Length < 4)
        {
            return false;
        }

        var rest = Letters(password).Replace(Letters(email!), "", StringComparison.Ordinal).Replace(local, "", StringComparison.Ordinal);
        return rest.Length < ClientMinimumLength;
    }

    private static string Letters(string text) => new(text.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

    private static Task<IdentityResult> Fail(string code, string description)
        => Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));
}
