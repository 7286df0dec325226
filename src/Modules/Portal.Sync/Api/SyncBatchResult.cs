namespace Portal.Sync.Api;

/// <summary>A batch's answer: counts by outcome and every item's result in the order sent.</summary>
public sealed record SyncBatchResult(int Created, int Updated, int Unchanged, int Deleted, int Failed, IReadOnlyList<SyncItemResult> Results)
{
    public static SyncBatchResult Of(IReadOnlyList<SyncItemResult> results) => new(
        results.Count(r => r.Status == SyncItemStatus.Created),
        results.Count(r => r.Status == SyncItemStatus.Updated),
        results.Count(r => r.Status == SyncItemStatus.Unchanged),
        results.Count(r => r.Status == SyncItemStatus.Deleted),
        results.Count(r => r.Status == SyncItemStatus.Error),
        results);
}
