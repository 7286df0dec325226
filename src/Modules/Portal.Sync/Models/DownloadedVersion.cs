namespace Portal.Sync.Models;

/// <summary>A client's file the program has fetched ("mark downloaded"): it leaves the program's new files, not staff's.</summary>
public sealed class DownloadedVersion
{
    public Guid VersionId { get; set; }

    public DateTime DownloadedAt { get; set; }
}
