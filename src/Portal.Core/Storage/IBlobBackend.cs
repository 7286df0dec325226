namespace Portal.Core.Storage;

/// <summary>
/// Where encrypted blobs are kept (file system or S3-compatible). A backend stores opaque bytes: it
/// never sees plaintext or keys. Singleton. Writes are atomic: a reader sees the previous object or the
/// complete new one, never a part.
/// </summary>
public interface IBlobBackend
{
    /// <summary>Stores everything <paramref name="content"/> yields (read to its end) under <paramref name="path"/>, replacing any previous object.</summary>
    Task WriteAsync(BlobPath path, Stream content, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a finished local file under <paramref name="path"/> and removes the local file (a rename
    /// when the file system allows it). Used to complete resumable uploads without copying twice.
    /// </summary>
    Task ImportAsync(BlobPath path, string localFile, CancellationToken cancellationToken);

    /// <summary>Opens the object for reading; throws <see cref="BlobNotFoundException"/> when there is none.</summary>
    Task<Stream> OpenReadAsync(BlobPath path, CancellationToken cancellationToken);

    /// <summary>Removes the object; nothing happens when there is none.</summary>
    Task DeleteAsync(BlobPath path, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(BlobPath path, CancellationToken cancellationToken);

    /// <summary>Every blob key of one practice, in no particular order (for the orphan sweeper).</summary>
    IAsyncEnumerable<string> ListKeysAsync(string practice, CancellationToken cancellationToken);
}
