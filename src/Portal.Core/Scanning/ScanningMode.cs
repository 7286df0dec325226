namespace Portal.Core.Scanning;

/// <summary>Whether uploaded files are scanned for malware, and by what.</summary>
public enum ScanningMode
{
    /// <summary>ClamAV's clamd, over its INSTREAM protocol on TCP.</summary>
    Clamd,

    /// <summary>No scanning; <see cref="ScanningOptions.WhenOff"/> says what happens to new files.</summary>
    Off,
}
