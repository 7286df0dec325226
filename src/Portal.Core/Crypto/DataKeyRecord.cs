namespace Portal.Core.Crypto;

/// <summary>
/// A data key of a practice, stored in the practice's database only in wrapped form (encrypted by the
/// master key <see cref="MasterKeyId"/>). Files name the <see cref="Version"/> they were encrypted with.
/// </summary>
public sealed class DataKeyRecord
{
    public int Version { get; set; }

    public string MasterKeyId { get; set; } = "";

    public byte[] WrappedKey { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    /// <summary>Set when a newer version replaced this one for new files; it still decrypts older files.</summary>
    public DateTime? RetiredAt { get; set; }

    /// <summary>When the key was last re-wrapped by a master-key rotation.</summary>
    public DateTime? RewrappedAt { get; set; }
}
