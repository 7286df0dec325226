using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.SecureMail.Models;

namespace Portal.SecureMail.Services;

/// <summary>
/// The message password is stretched with ASP.NET Core Identity's hasher (PBKDF2-HMAC-SHA512, salted),
/// at the iteration count of the portal's own passwords: a hint-guessable password is weak, so a stolen
/// database must make each guess expensive. The attempt cap is the main defence online.
/// </summary>
public static class SecureMessagePasswords
{
    public const int MinimumLength = 8;
    public const int MaximumLength = 128;
    public const int Iterations = 210_000;

    private static readonly PasswordHasher<SecureMessage> Hasher = new(Options.Create(new PasswordHasherOptions
    {
        CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
        IterationCount = Iterations,
    }));

    public static string Hash(SecureMessage message, string password) => Hasher.HashPassword(message, password);

    public static bool Verify(SecureMessage message, string password)
        => Hasher.VerifyHashedPassword(message, message.PasswordHash, password) != PasswordVerificationResult.Failed;
}
