using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Portal.Core.Crypto;

/// <summary>
/// The configured master keys (<see cref="EncryptionOptions"/>). Wraps and unwraps small secrets
/// (data keys, data-protection key XML) with AES-256-GCM; the master key itself never touches files.
/// Format of a wrapped secret: version (1 byte) || nonce (12) || ciphertext || tag (16).
/// </summary>
public sealed class MasterKeyRing
{
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly Dictionary<string, MasterKey> _keys = new(StringComparer.Ordinal);
    private readonly string? _activeId;

    public MasterKeyRing(IOptions<EncryptionOptions> options)
    {
        var value = options.Value;
        foreach (var configured in value.MasterKeys)
        {
            _keys[configured.Id] = new MasterKey(Convert.FromBase64String(configured.Key));
        }

        _activeId = value.ActiveMasterKeyId is { Length: > 0 } active ? active : value.MasterKeys.Count == 1 ? value.MasterKeys[0].Id : null;
    }

    /// <summary>The id new wraps use; throws <see cref="EncryptionKeyUnavailableException"/> when none is configured.</summary>
    public string ActiveKeyId => _activeId is not null && _keys.ContainsKey(_activeId)
        ? _activeId
        : throw new EncryptionKeyUnavailableException(
            $"No master key is configured ({EncryptionOptions.Section}:MasterKeys and :ActiveMasterKeyId), so nothing can be encrypted or decrypted.");

    /// <summary>Encrypts <paramref name="secret"/> with the active master key; <paramref name="context"/> must be given again to unwrap.</summary>
    public WrappedSecret Wrap(MasterKeyPurpose purpose, ReadOnlySpan<byte> secret, string context)
    {
        var id = ActiveKeyId;
        var output = new byte[1 + NonceSize + secret.Length + TagSize];
        output[0] = FormatVersion;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[id].For(purpose), TagSize);
        aes.Encrypt(nonce, secret, output.AsSpan(1 + NonceSize, secret.Length), output.AsSpan(1 + NonceSize + secret.Length), Aad(id, context));
        return new WrappedSecret(id, output);
    }

    /// <summary>
    /// Decrypts a wrapped secret. Throws <see cref="EncryptionKeyUnavailableException"/> when the master
    /// key it names is not configured, or when the key configured under that id is not the one that
    /// wrapped it (or the wrapped value was altered).
    /// </summary>
    public byte[] Unwrap(MasterKeyPurpose purpose, WrappedSecret wrapped, string context)
    {
        if (!_keys.TryGetValue(wrapped.MasterKeyId, out var key))
        {
            throw new EncryptionKeyUnavailableException(
                $"Master key '{wrapped.MasterKeyId}' is needed but not configured ({EncryptionOptions.Section}:MasterKeys). "
                + "Restore it, or, if it was rotated out, it was removed before rotate-master-key finished.");
        }

        var data = wrapped.Ciphertext;
        if (data.Length < 1 + NonceSize + TagSize || data[0] != FormatVersion)
        {
            throw new EncryptionKeyUnavailableException($"A key wrapped by master key '{wrapped.MasterKeyId}' is malformed.");
        }

        var length = data.Length - 1 - NonceSize - TagSize;
        var secret = new byte[length];
        try
        {
            using var aes = new AesGcm(key.For(purpose), TagSize);
            aes.Decrypt(data.AsSpan(1, NonceSize), data.AsSpan(1 + NonceSize, length), data.AsSpan(1 + NonceSize + length, TagSize), secret, Aad(wrapped.MasterKeyId, context));
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new EncryptionKeyUnavailableException(
                $"A key wrapped by master key '{wrapped.MasterKeyId}' does not unwrap: the key configured under that id is not the one that wrapped it, or the stored value was altered.",
                ex);
        }

        return secret;
    }

    private static byte[] Aad(string masterKeyId, string context) => Encoding.UTF8.GetBytes($"portal-wrap-v1\n{masterKeyId}\n{context}");

    private sealed class MasterKey(byte[] key)
    {
        // Derived once: HKDF separates the purposes so the same master key is never used raw.
        private readonly byte[] _dataKeys = HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, info: "portal master key v1: data keys"u8.ToArray());
        private readonly byte[] _dataProtection = HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, info: "portal master key v1: data protection"u8.ToArray());

        public byte[] For(MasterKeyPurpose purpose) => purpose == MasterKeyPurpose.DataKey ? _dataKeys : _dataProtection;
    }
}
