namespace Portal.Core.Storage;

public enum StorageProvider
{
    FileSystem,
    S3,
}
