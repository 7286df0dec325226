using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Portal.Core.Crypto;
using Portal.Core.Tenancy;

namespace Portal.Core.Settings;

/// <summary>
/// Seals the secret fields of a section before it is written, and opens them when it is read, with
/// the practice's data key (which the master key wraps, see <see cref="DataKeyStore"/>): AES-256-GCM
/// under a key derived for settings, the practice, section and field named in the associated data,
/// so a sealed value copied to another field or practice does not open. Stored form:
/// <c>sealed:v1:{data-key version}:{base64 of nonce, ciphertext, tag}</c>. Without a master key
/// nothing is sealed and the save fails (fail closed).
/// </summary>
public sealed class SettingsSecrets(DataKeyStore dataKeys, TenantContext tenant)
{
    private const string Prefix = "sealed:v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <summary>Replaces each secret field's plain text in <paramref name="json"/> with its sealed form.</summary>
    public async Task SealAsync(SettingsSectionDescriptor section, JsonObject json, CancellationToken cancellationToken)
    {
        foreach (var field in section.Fields.Where(f => f.IsSecret))
        {
            if (json[field.Name] is JsonValue value && value.TryGetValue<string>(out var plain))
            {
                var key = await dataKeys.GetCurrentAsync(cancellationToken);
                json[field.Name] = Seal(key, section.Name, field.Name, plain);
            }
        }
    }

    /// <summary>Replaces each sealed field in <paramref name="json"/> with its plain text.</summary>
    public async Task OpenAsync(SettingsSectionDescriptor section, JsonObject json, CancellationToken cancellationToken)
    {
        foreach (var field in section.Fields.Where(f => f.IsSecret))
        {
            if (json[field.Name] is JsonValue value && value.TryGetValue<string>(out var stored))
            {
                json[field.Name] = await OpenAsync(section.Name, field.Name, stored, cancellationToken);
            }
        }
    }

    private string Seal(DataKey key, string section, string field, string plain)
    {
        var plaintext = Encoding.UTF8.GetBytes(plain);
        var output = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        var subkey = Derive(key);
        try
        {
            using var aes = new AesGcm(subkey, TagSize);
            aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize, plaintext.Length), output.AsSpan(NonceSize + plaintext.Length), Context(section, field, key.Version));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(subkey);
            CryptographicOperations.ZeroMemory(plaintext);
        }

        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}{key.Version}:{Convert.ToBase64String(output)}");
    }

    private async Task<string> OpenAsync(string section, string field, string stored, CancellationToken cancellationToken)
    {
        var parts = stored.StartsWith(Prefix, StringComparison.Ordinal) ? stored[Prefix.Length..].Split(':') : [];
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new EncryptionKeyUnavailableException($"The secret {section}.{field} is not stored sealed; save it again.");
        }

        var key = await dataKeys.FindAsync(version, cancellationToken)
            ?? throw new EncryptionKeyUnavailableException($"The secret {section}.{field} names data-key version {version}, which this practice does not have.");
        var data = Convert.FromBase64String(parts[1]);
        if (data.Length < NonceSize + TagSize)
        {
            throw new EncryptionKeyUnavailableException($"The secret {section}.{field} is damaged.");
        }

        var length = data.Length - NonceSize - TagSize;
        var plaintext = new byte[length];
        var subkey = Derive(key);
        try
        {
            using var aes = new AesGcm(subkey, TagSize);
            aes.Decrypt(data.AsSpan(0, NonceSize), data.AsSpan(NonceSize, length), data.AsSpan(NonceSize + length), plaintext, Context(section, field, version));
            return Encoding.UTF8.GetString(plaintext);
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new EncryptionKeyUnavailableException($"The secret {section}.{field} does not open: it was altered, or sealed for another field or practice.", ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(subkey);
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    // A subkey of its own, so settings secrets never share a key with blob records.
    private static byte[] Derive(DataKey key) => HKDF.DeriveKey(HashAlgorithmName.SHA256, key.Key, 32, info: "portal settings secret v1"u8.ToArray());

    private byte[] Context(string section, string field, int version)
        => Encoding.UTF8.GetBytes($"portal-setting-v1\n{tenant.Tenant.Name}\n{section}\n{field}\n{version}");
}
