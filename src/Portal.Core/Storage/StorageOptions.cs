namespace Portal.Core.Storage;

/// <summary>
/// Configuration section <c>Portal:Storage</c>: where encrypted blobs live. Whatever the backend, the
/// bytes stored are ciphertext (see <see cref="Crypto.EncryptionOptions"/>), keyed
/// <c>{practice}/{blob key}</c>.
/// <code>
/// "Portal": { "Storage": {
///   "Provider": "FileSystem",                  // or "S3"
///   "FileSystem": { "Root": "/var/lib/portal/blobs" },   // default {AppData}/blobs
///   "StagingPath": "/var/lib/portal/uploads",  // default {AppData}/uploads; resumable uploads, local disk
///   "S3": { "ServiceUrl": "http://127.0.0.1:9000", "ForcePathStyle": true, "Region": "us-east-1",
///           "Bucket": "portal-blobs", "AccessKey": "...", "SecretKey": "...", "CreateBucket": false } } }
/// </code>
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Portal:Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.FileSystem;

    public FileSystemStorageOptions FileSystem { get; set; } = new();

    public S3StorageOptions S3 { get; set; } = new();

    /// <summary>
    /// Folder for resumable (tus) uploads in progress, encrypted as they arrive; relative paths are
    /// resolved against AppData. Must be local to the server that receives the upload (several servers
    /// need sticky routing of an upload, or a shared folder). Default: <c>{AppData}/uploads</c>.
    /// </summary>
    public string? StagingPath { get; set; }
}
