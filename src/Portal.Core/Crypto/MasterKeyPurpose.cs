namespace Portal.Core.Crypto;

/// <summary>
/// What a master key wraps. Each purpose uses its own subkey derived from the master key, so a value
/// wrapped for one purpose can never be unwrapped as the other.
/// </summary>
public enum MasterKeyPurpose
{
    DataKey,
    DataProtectionXml,
}
