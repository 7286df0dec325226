namespace Portal.Sync.Api;

/// <summary>A page of the change feed: pass <see cref="Next"/> as the cursor of the next call.</summary>
public sealed record ChangeFeedPage(IReadOnlyList<ChangeFeedItem> Items, string Next, bool HasMore)
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = 1000;
}
