namespace Portal.Core.Data;

/// <summary>
/// Writes a service keeps in memory while a <see cref="PracticeBatch"/> runs and makes all at once just
/// before each of the batch's commits, inside its transaction. For appends that are serialised row by
/// row (the audit chain: a lock, the chain's end, an insert): once per commit instead of once per row.
/// The batch keeps them in step with its items and savepoints: what an undone item or a rolled-back
/// savepoint added is forgotten, so nothing is written for a change that was not made.
/// </summary>
public interface IBatchDeferredWrites
{
    /// <summary>How many writes are kept; the batch marks this before an item or a savepoint.</summary>
    int Count { get; }

    /// <summary>Forgets the writes kept after the first <paramref name="count"/>.</summary>
    void UndoTo(int count);

    /// <summary>Makes every kept write in the batch's open transaction, then keeps none.</summary>
    Task FlushAsync(CancellationToken cancellationToken);
}
