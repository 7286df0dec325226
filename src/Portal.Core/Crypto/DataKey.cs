namespace Portal.Core.Crypto;

/// <summary>An unwrapped data key of a practice: 256 random bits, and the version files record.</summary>
public sealed class DataKey(int version, byte[] key)
{
    public int Version { get; } = version;

    public byte[] Key { get; } = key;
}
