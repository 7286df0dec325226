namespace Portal.Core.Storage;

/// <summary>The practice has no blob under that key (never written, deleted, or not yet completed).</summary>
public sealed class BlobNotFoundException : FileNotFoundException
{
    public BlobNotFoundException(string blobKey)
        : base($"There is no stored blob '{blobKey}'.")
    {
        BlobKey = blobKey;
    }

    public BlobNotFoundException(string blobKey, Exception innerException)
        : base($"There is no stored blob '{blobKey}'.", innerException)
    {
        BlobKey = blobKey;
    }

    public string BlobKey { get; }
}
