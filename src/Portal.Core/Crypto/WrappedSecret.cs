namespace Portal.Core.Crypto;

/// <summary>A secret encrypted by a master key, with the id of that key (stored together).</summary>
public sealed record WrappedSecret(string MasterKeyId, byte[] Ciphertext);
