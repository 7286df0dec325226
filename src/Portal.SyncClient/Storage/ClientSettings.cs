namespace PortalSync.Storage;

/// <summary>What the person chose once and the next runs reuse: the practice's data and where new client files go.</summary>
internal sealed record ClientSettings
{
    public string? DataPath { get; init; }

    public string? DownloadsFolder { get; init; }
}
