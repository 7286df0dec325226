using Portal.Core.Contracts;

namespace Portal.Documents.Services;

/// <summary>What the Documents module's audit actions mean, for the audit trail's sentences and filter.</summary>
internal sealed class DocumentAuditActionDescriptions : IAuditActionDescriptions
{
    public IEnumerable<AuditActionDescription> Describe() =>
    [
        new(DocumentAuditActions.Uploaded, "Document uploaded", "uploaded {target}"),
        new(DocumentAuditActions.UploadUnchanged, "Identical upload", "uploaded {target} again, unchanged"),
        new(DocumentAuditActions.UploadRefused, "Upload refused", "had an upload for {target} refused"),
        new(DocumentAuditActions.Downloaded, "Document downloaded", "downloaded {target}"),
        new(DocumentAuditActions.IntegrityFailed, "Damaged file found", "could not download {target}: the stored file is damaged"),
        new(DocumentAuditActions.Trashed, "Documents moved to the trash", "moved documents of {target} to the trash"),
        new(DocumentAuditActions.Restored, "Document restored", "restored {target} from the trash"),
        new(DocumentAuditActions.Shared, "Shared with a contributor", "shared {target}"),
        new(DocumentAuditActions.Unshared, "Sharing stopped", "stopped sharing {target}"),
        new(ScanAuditActions.MalwareFound, "Malware found", "found malware in {target}"),
    ];
}
