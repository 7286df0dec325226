namespace Portal.Documents.Services;

/// <summary>Audit actions of documents (scanning has its own: <see cref="ScanAuditActions"/>).</summary>
public static class DocumentAuditActions
{
    public const string Uploaded = "documents.uploaded";
    public const string UploadUnchanged = "documents.upload-unchanged";
    public const string UploadRefused = "documents.upload-refused";
    public const string Downloaded = "documents.downloaded";
    public const string IntegrityFailed = "documents.integrity-failed";
    public const string Trashed = "documents.trashed";
    public const string Restored = "documents.restored";
    public const string Shared = "documents.shared";
    public const string Unshared = "documents.unshared";
}
