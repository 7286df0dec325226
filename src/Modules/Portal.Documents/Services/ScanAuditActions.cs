namespace Portal.Documents.Services;

/// <summary>Audit actions of malware scanning.</summary>
public static class ScanAuditActions
{
    public const string MalwareFound = "documents.malware-found";
}
