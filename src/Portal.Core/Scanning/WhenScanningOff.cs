namespace Portal.Core.Scanning;

/// <summary>What happens to a new file while scanning is off.</summary>
public enum WhenScanningOff
{
    /// <summary>The other side sees it at once, marked "not scanned".</summary>
    Release,

    /// <summary>It waits, unseen by the other side, until scanning is on again and it has been scanned.</summary>
    Hold,
}
