namespace Portal.Core.Contracts;

/// <summary>Where an attachment stands with the malware scanner; only Clean and NotScanned can be read.</summary>
public enum AttachmentScanState
{
    Pending,
    Clean,
    Quarantined,
    NotScanned,
}
