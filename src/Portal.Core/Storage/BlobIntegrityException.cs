namespace Portal.Core.Storage;

/// <summary>
/// Stored bytes are not what the portal wrote: a record failed authentication, records are missing,
/// reordered or duplicated, data follows the final record, the blob was truncated, or the plaintext's
/// SHA-256 differs from the expected one. An <see cref="IOException"/> because it surfaces from
/// <see cref="Stream.Read(byte[], int, int)"/> like any other read failure; catch this type to tell
/// tampering or corruption apart from a dropped connection.
/// </summary>
public sealed class BlobIntegrityException : IOException
{
    public BlobIntegrityException(string message)
        : base(message)
    {
    }

    public BlobIntegrityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
