namespace Portal.Clients.Models;

/// <summary>One row of the admin portal list.</summary>
public sealed record PortalListItem(Guid Id, string Name, IReadOnlyList<string> ClientNames, int UserCount);

public sealed record PortalListPage(IReadOnlyList<PortalListItem> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
