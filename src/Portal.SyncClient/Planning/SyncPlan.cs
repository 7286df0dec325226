namespace PortalSync.Planning;

/// <summary>What a run sends, per kind in dependency order, and the rows it cannot send.</summary>
internal sealed record SyncPlan(IReadOnlyDictionary<string, IReadOnlyList<PlannedItem>> Items, IReadOnlyList<RowError> Errors)
{
    public int Count => Items.Values.Sum(i => i.Count);

    public IReadOnlyList<PlannedItem> Of(string kind) => Items.TryGetValue(kind, out var items) ? items : [];
}
