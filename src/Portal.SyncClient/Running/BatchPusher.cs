using PortalSync.Api;
using PortalSync.Hosting;
using PortalSync.Planning;
using PortalSync.Storage;

namespace PortalSync.Running;

/// <summary>
/// Sends one kind's planned items in batches and records each acknowledged item in the state, which is
/// saved after every batch: a run stopped anywhere resends at most one batch, and batches are idempotent.
/// </summary>
internal sealed class BatchPusher(PortalApi api, StateKeeper state, RunTally tally)
{
    public const int BatchSize = 500;

    /// <returns>The documents the portal asked to be uploaded.</returns>
    public async Task<IReadOnlyList<PlannedItem>> PushAsync(string kind, IReadOnlyList<PlannedItem> items, Action<int> acknowledged, CancellationToken cancellationToken)
    {
        var toUpload = new List<PlannedItem>();
        foreach (var batch in items.Chunk(BatchSize))
        {
            var result = await api.PostJsonAsync<BatchResult>($"api/v1/{kind}/batch", new { items = batch.Select(i => i.Body).ToList() }, cancellationToken);
            if (result.Results.Count != batch.Length)
            {
                throw new FatalException($"The portal answered {result.Results.Count} results for {batch.Length} {kind}; nothing more was sent.");
            }

            await state.SaveAsync(s => Record(s, kind, batch, result.Results, toUpload), cancellationToken);
            acknowledged(batch.Length);
        }

        return toUpload;
    }

    private void Record(SyncState state, string kind, PlannedItem[] batch, IReadOnlyList<ItemResult> results, List<PlannedItem> toUpload)
    {
        var hashes = state.HashesOf(kind);
        for (var i = 0; i < batch.Length; i++)
        {
            var item = batch[i];
            var answer = results[i];
            tally.Count(kind, answer.Status);
            switch (answer.Status)
            {
                case ItemStatus.Created or ItemStatus.Updated or ItemStatus.Unchanged when !item.IsTombstone:
                    hashes[item.ExternalId] = item.Hash;
                    // Only a document has uploads: an invoice sharing a document's external id must not
                    // forget where that document's upload (going on beside this batch) got to.
                    if (kind == SyncKinds.Documents)
                    {
                        state.Uploads.Remove(item.ExternalId);
                    }

                    break;
                case ItemStatus.Deleted or ItemStatus.Unchanged:
                    hashes.Remove(item.ExternalId);
                    break;
                case ItemStatus.Upload when item.Document is not null:
                    toUpload.Add(item);
                    break;
                case ItemStatus.Error:
                    var errors = answer.Errors is { Count: > 0 } ? answer.Errors : [new FieldError(null, "error", "The portal refused the item without saying why.")];
                    tally.AddErrors(errors.Select(e => new RowError(kind, item.ExternalId, e.Field, e.Code ?? "error", e.Message ?? e.Code ?? "Refused.")));
                    // A tombstone for something the portal does not have is done.
                    if (item.IsTombstone && errors.All(e => e.Code?.EndsWith("not-found", StringComparison.Ordinal) == true))
                    {
                        hashes.Remove(item.ExternalId);
                    }

                    break;
                default:
                    tally.AddError(new RowError(kind, item.ExternalId, null, "unexpected-status", $"The portal answered \"{answer.Status}\"."));
                    break;
            }
        }
    }
}
