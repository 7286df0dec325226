using Portal.Core.Navigation;
using Portal.Documents.Services;

namespace Portal.Documents.Pages.Shared;

/// <summary>What the shared document table needs: the rows, who is looking, and how to link sorts.</summary>
public sealed record DocumentTableModel(
    Guid ClientId,
    ListPage<DocumentRow> Page,
    DocumentQuery Current,
    bool IsStaff,
    bool CanTrash,
    string? TrashAction,
    string EmptyText,
    bool ShowFolder,
    string BaseQuery)
{
    public string Query => BaseQuery + (BaseQuery.Length > 0 ? "&" : "") + $"sort={Current.Sort}&desc={Current.Descending.ToString().ToLowerInvariant()}";

    public string SortLink(DocumentSort sort)
        => "?" + BaseQuery + (BaseQuery.Length > 0 ? "&" : "") + $"sort={sort}&desc={(sort == Current.Sort ? (!Current.Descending).ToString().ToLowerInvariant() : (sort is DocumentSort.Date or DocumentSort.Size ? "true" : "false"))}";

    public string? AriaSort(DocumentSort sort) => sort == Current.Sort ? (Current.Descending ? "descending" : "ascending") : null;
}
