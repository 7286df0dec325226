using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Portal.Identity.Models;

namespace Portal.Identity.Services;

/// <summary>
/// TOTP (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps) that accepts the current step and one step
/// either side (+-30 s) and never the same step twice: the last step used is remembered, so a code
/// seen over someone's shoulder cannot be replayed. (Identity's own provider allows +-90 s and reuse.)
/// </summary>
public sealed class TotpAuthenticator(TimeProvider clock) : IUserTwoFactorTokenProvider<PortalUser>
{
    public const string ProviderName = "PortalTotp";
    private const string LoginProvider = "Portal";
    private const string LastStepToken = "TotpLastStep";

    public Task<string> GenerateAsync(string purpose, UserManager<PortalUser> manager, PortalUser user)
        => throw new NotSupportedException("Authenticator codes come from the user's app.");

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PortalUser> manager, PortalUser user)
        => !string.IsNullOrEmpty(await manager.GetAuthenticatorKeyAsync(user)) && await manager.GetTwoFactorEnabledAsync(user);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }

        var lastUsed = long.TryParse(await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastStepToken), out var last) ? last : -1;
        if (MatchingStep(key, token, lastUsed) is not { } step)
        {
            return false;
        }

        await RememberStepAsync(manager, user, step);
        return true;
    }

    /// <summary>The step within +-30 s whose code is <paramref name="token"/>, later than <paramref name="lastUsed"/>; null when none matches.</summary>
    public long? MatchingStep(string base32Key, string token, long lastUsed = -1)
    {
        var code = token.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var secret = Base32.Decode(base32Key);
        var current = clock.GetUtcNow().ToUnixTimeSeconds() / 30;
        for (var step = current - 1; step <= current + 1; step++)
        {
            if (step > lastUsed && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(secret, step)), System.Text.Encoding.ASCII.GetBytes(code)))
            {
                return step;
            }
        }

        return null;
    }

    /// <summary>Remembers the step of a code just used, so the same code cannot be used again.</summary>
    public static Task RememberStepAsync(UserManager<PortalUser> manager, PortalUser user, long step)
        => manager.SetAuthenticationTokenAsync(user, LoginProvider, LastStepToken, step.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The code for a step (exposed for tests and the enrolment check).</summary>
    public static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 6238 as authenticator apps implement it is HMAC-SHA1; HMAC keeps it sound.
        HMACSHA1.HashData(secret, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>RFC 4648 base32, as authenticator apps expect the shared secret.</summary>
public static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var text = new System.Text.StringBuilder((bytes.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            text.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return text.ToString();
    }

    public static byte[] Decode(string text)
    {
        var clean = text.Trim().TrimEnd('=').Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException("Not a base32 string.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return bytes.ToArray();
    }
}
