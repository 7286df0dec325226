using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.SecureMail.Models;

namespace Portal.SecureMail.Services;

/// <summary>
/// The message password is stretched with ASP.NET Core Identity's hasher (PBKDF2-HMAC-SHA512, salted),
/// at the iteration count of the portal's own passwords (<c>Portal:Identity:PasswordHashIterations</c>,
/// 210,000 by default): a hint-guessable password is weak, so a stolen database must make each guess
/// expensive. Each hash records its own count, so a changed setting never locks a message. The attempt
/// cap is the main defence online.
/// </summary>
public sealed class SecureMessagePasswords(IOptions<PasswordHasherOptions> portalPasswords)
{
    public const int MinimumLength = 8;
    public const int MaximumLength = 128;

    private readonly PasswordHasher<SecureMessage> _hasher = new(Options.Create(new PasswordHasherOptions
    {
        CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
        IterationCount = portalPasswords.Value.IterationCount,
    }));

    public string Hash(SecureMessage message, string password) => _hasher.HashPassword(message, password);

    public bool Verify(SecureMessage message, string password)
        => _hasher.VerifyHashedPassword(message, message.PasswordHash, password) != PasswordVerificationResult.Failed;
}
