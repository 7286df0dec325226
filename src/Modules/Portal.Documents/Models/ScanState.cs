namespace Portal.Documents.Models;

/// <summary>Where a version stands with the malware scanner; only Clean and NotScanned reach the other side.</summary>
public enum ScanState
{
    /// <summary>Waiting for (or in) its scan: the uploader's side sees "Scanning…", the other side nothing.</summary>
    Pending,

    /// <summary>Scanned, nothing found: released to the other side.</summary>
    Clean,

    /// <summary>Malware found: kept encrypted, never downloaded, never shown to the other side.</summary>
    Quarantined,

    /// <summary>Stored while scanning was off and released unscanned (<c>Portal:Scanning:WhenOff=Release</c>).</summary>
    NotScanned,
}
