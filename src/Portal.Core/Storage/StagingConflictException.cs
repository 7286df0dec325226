namespace Portal.Core.Storage;

/// <summary>
/// An append or completion that does not fit the upload's state: the offset is not the durable length
/// (tus answers 409 with the current offset), the data would exceed the declared length, the upload
/// is already complete, not yet complete, or being written by another request.
/// </summary>
public sealed class StagingConflictException(string message, long? durableLength) : Exception(message)
{
    /// <summary>The plaintext bytes durably stored when the conflict was detected (null when the upload was busy).</summary>
    public long? DurableLength { get; } = durableLength;
}
