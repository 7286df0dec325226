namespace Portal.Core.Crypto;

/// <summary>One master key of <see cref="EncryptionOptions.MasterKeys"/>.</summary>
public sealed class MasterKeyOptions
{
    /// <summary>A short stable name (e.g. "2026-11"), stored with every wrapped key; at most 100 characters.</summary>
    public string Id { get; set; } = "";

    /// <summary>Base64 of exactly 32 random bytes (AES-256).</summary>
    public string Key { get; set; } = "";
}
