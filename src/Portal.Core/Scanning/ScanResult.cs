namespace Portal.Core.Scanning;

/// <summary>What a malware scanner said about one file. Only <see cref="Clean"/> may release it.</summary>
public abstract record ScanResult
{
    private ScanResult()
    {
    }

    /// <summary>The whole file was scanned and nothing was found.</summary>
    public sealed record Clean : ScanResult;

    /// <summary>The scanner found malware, named by its signature.</summary>
    public sealed record Infected(string Signature) : ScanResult;

    /// <summary>No verdict (scanner down, cut off, over a limit, timed out): scan again later.</summary>
    public sealed record Unavailable(string Reason) : ScanResult;
}
