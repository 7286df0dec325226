namespace Portal.Core.Scanning;

/// <summary>
/// Configuration section <c>Portal:Scanning</c>: the malware scanner every uploaded file passes
/// before the other side may see it. clamd brings no signature database of its own; production
/// keeps it current with freshclam (see docs/operations.md).
/// </summary>
public sealed class ScanningOptions
{
    public const string Section = "Portal:Scanning";

    /// <summary>
    /// <c>Clamd</c> or <c>Off</c>. Default: Off in the Development, Demo and Testing environments, so
    /// <c>./run.sh</c> works without clamd (the practice admin's dashboard says so); Clamd anywhere
    /// else, so a production server without a scanner holds files instead of passing them unscanned.
    /// </summary>
    public ScanningMode? Mode { get; set; }

    /// <summary>What happens to new files while <see cref="Mode"/> is Off.</summary>
    public WhenScanningOff WhenOff { get; set; } = WhenScanningOff.Release;

    /// <summary>clamd's TCP address (its <c>TCPAddr</c>).</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>clamd's TCP port (its <c>TCPSocket</c>).</summary>
    public int Port { get; set; } = 3310;

    /// <summary>The longest one scan may take, from connecting to clamd's answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The largest file clamd accepts: at most its <c>StreamMaxLength</c> (and within its
    /// <c>MaxFileSize</c> and <c>MaxScanSize</c>). While scanning is on, larger uploads are refused at
    /// once, since they could never be scanned. Default 25 MiB, Debian's clamd.conf default.
    /// </summary>
    public long MaxFileSize { get; set; } = 25L * 1024 * 1024;

    public bool IsOn => Mode == ScanningMode.Clamd;
}
