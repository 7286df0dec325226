using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Portal.SecureMail.Services;

/// <summary>The link's token: 256 random bits, base64url; only its SHA-256 (hex) is stored and looked up.</summary>
public static class SecureMessageTokens
{
    public const int TokenBytes = 32;

    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether <paramref name="token"/> has the shape of a token (so garbage is not looked up).</summary>
    public static bool IsWellFormed(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length != Base64Url.GetEncodedLength(TokenBytes))
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[TokenBytes];
        return Base64Url.TryDecodeFromChars(token, bytes, out var written) && written == TokenBytes;
    }
}
