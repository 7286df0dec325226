namespace PortalSync.Storage;

/// <summary>
/// What the portal already has, as the portal acknowledged it: the content hash of every item per kind,
/// uploads in progress (to resume), the change feed's cursor and the last run. Saved after every
/// acknowledged batch, so a run killed at any point redoes at most one batch (idempotent by external id).
/// </summary>
internal sealed class SyncState
{
    public required Uri Portal { get; init; }

    /// <summary>kind -> external id -> hash of the item last acknowledged.</summary>
    public Dictionary<string, Dictionary<string, string>> Hashes { get; init; } = [];

    /// <summary>document external id -> the tus upload in progress.</summary>
    public Dictionary<string, PendingUpload> Uploads { get; init; } = [];

    /// <summary>full path -> the file's sha256 at a length and write time (so unchanged files are not read again).</summary>
    public Dictionary<string, FileFingerprint> Files { get; init; } = [];

    public string? ChangesCursor { get; set; }

    public RunSummary? LastRun { get; set; }

    public DateTimeOffset? NextRun { get; set; }

    public Dictionary<string, string> HashesOf(string kind)
    {
        if (!Hashes.TryGetValue(kind, out var hashes))
        {
            Hashes[kind] = hashes = new(StringComparer.Ordinal);
        }

        return hashes;
    }
}

internal sealed record PendingUpload(Uri Location, string Sha256, long Length, string ItemHash);

internal sealed record FileFingerprint(long Length, DateTime LastWriteUtc, string Sha256);

internal sealed record RunSummary
{
    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset FinishedAt { get; init; }

    public bool Completed { get; init; }

    /// <summary>kind -> outcome -> count.</summary>
    public Dictionary<string, Dictionary<string, int>> Counts { get; init; } = [];

    public int Errors { get; init; }

    public int Downloaded { get; init; }

    public int WrittenBack { get; init; }
}
