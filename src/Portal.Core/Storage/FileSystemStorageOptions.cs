namespace Portal.Core.Storage;

/// <summary><c>Portal:Storage:FileSystem</c>.</summary>
public sealed class FileSystemStorageOptions
{
    /// <summary>Root folder of the blobs; relative paths are resolved against AppData. Default: <c>{AppData}/blobs</c>.</summary>
    public string? Root { get; set; }
}
