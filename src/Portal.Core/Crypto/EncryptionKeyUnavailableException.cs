namespace Portal.Core.Crypto;

/// <summary>
/// A key needed to encrypt or decrypt is not available (no master key configured, or the master key
/// that wrapped a data key was removed from configuration). Thrown before anything is written, so a
/// missing key never results in plaintext at rest: the portal fails closed.
/// </summary>
public sealed class EncryptionKeyUnavailableException : Exception
{
    public EncryptionKeyUnavailableException(string message)
        : base(message)
    {
    }

    public EncryptionKeyUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
