namespace Portal.Sync.Api;

/// <summary>A batch of upserts of one kind, keyed by the program's external ids (docs/api.md, "Sync API").</summary>
public sealed record SyncBatch<TItem>(IReadOnlyList<TItem>? Items)
    where TItem : ISyncItem
{
    /// <summary>The most items one request may carry; a program splits larger sets.</summary>
    public const int MaxItems = 10_000;
}
