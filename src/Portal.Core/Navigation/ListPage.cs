namespace Portal.Core.Navigation;

/// <summary>
/// One page of a list shown with the pager: its rows, how many rows the whole list has, which page this
/// is and the page size. Every paged list in the portal answers with this one type.
/// </summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int PageCount => ListPage.CountPages(Total, PageSize);
}

public static class ListPage
{
    public static int CountPages(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);

    /// <summary>A requested page brought into range, so a stale link past the end shows the last page, not an empty one.</summary>
    public static int Clamp(int page, int total, int pageSize) => Math.Clamp(page, 1, CountPages(total, pageSize));
}
