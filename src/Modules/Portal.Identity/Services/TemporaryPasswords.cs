using System.Security.Cryptography;

namespace Portal.Identity.Services;

/// <summary>Readable temporary passwords (no look-alike characters), about 80 bits of randomness.</summary>
public static class TemporaryPasswords
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    public static string Create()
    {
        // Four groups of four: "kq7d-m2xp-..." (16 characters from 31: ~79 bits).
        var groups = Enumerable.Range(0, 4).Select(_ => new string(Enumerable.Range(0, 4).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray()));
        return string.Join('-', groups);
    }
}
