using Portal.Core.Data;
using Portal.Core.Errors;
using Portal.Sync.Api;

namespace Portal.Sync.Services;

/// <summary>
/// The rules every batch shares: its size, each item's external id, and a repeated id refused (the first
/// wins). Items are applied one by one in order, each by the kind's own code and each as a unit of the
/// <see cref="PracticeBatch"/>: an item that throws is undone alone and reported, the others go on.
/// </summary>
public static class SyncBatches
{
    /// <summary>The one size check of every batch endpoint; null when the batch may be applied.</summary>
    public static PortalError? SizeError<TItem>(SyncBatch<TItem>? batch)
        where TItem : ISyncItem
        => batch?.Items is not { Count: > 0 and <= SyncBatch<TItem>.MaxItems } ? SyncItemErrors.BatchSize : null;

    /// <param name="done">Items already applied (made together), by external id: their results are taken as they are.</param>
    public static async Task<SyncBatchResult> ApplyAsync<TItem>(
        PracticeBatch unit, SyncBatch<TItem> batch, Func<TItem, string, Task<SyncItemResult>> apply, CancellationToken cancellationToken, IReadOnlyDictionary<string, SyncItemResult>? done = null)
        where TItem : ISyncItem
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var results = new List<SyncItemResult>(batch.Items!.Count);
        foreach (var item in batch.Items)
        {
            var externalId = item?.ExternalId?.Trim();
            if (item is null || string.IsNullOrEmpty(externalId))
            {
                results.Add(SyncItemResult.Failed(item?.ExternalId, SyncItemErrors.ExternalIdMissing()));
            }
            else if (externalId.Length > ISyncItem.ExternalIdMaxLength)
            {
                results.Add(SyncItemResult.Failed(item.ExternalId, SyncItemErrors.ExternalIdLength()));
            }
            else if (!seen.Add(externalId))
            {
                results.Add(SyncItemResult.Failed(item.ExternalId, SyncItemErrors.Duplicate(externalId)));
            }
            else if (done?.GetValueOrDefault(externalId) is { } result)
            {
                results.Add(result);
            }
            else
            {
                results.Add(await ItemAsync(unit, externalId, () => apply(item, externalId), cancellationToken));
            }
        }

        return SyncBatchResult.Of(results);
    }

    /// <summary>One item as a unit of the batch; an exception is its own error, never the batch's.</summary>
    public static Task<SyncItemResult> ItemAsync(PracticeBatch unit, string externalId, Func<Task<SyncItemResult>> apply, CancellationToken cancellationToken)
        => unit.ItemAsync(apply, () => SyncItemResult.Failed(externalId, SyncItemErrors.NotSaved()), cancellationToken);
}
