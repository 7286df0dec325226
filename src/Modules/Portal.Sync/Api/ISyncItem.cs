namespace Portal.Sync.Api;

/// <summary>What every batch item has: the program's id of the thing, and whether it was deleted there (a tombstone).</summary>
public interface ISyncItem
{
    const int ExternalIdMaxLength = 100;

    string? ExternalId { get; }

    bool Deleted { get; }
}
