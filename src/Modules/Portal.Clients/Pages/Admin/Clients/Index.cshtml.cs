using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Clients.Models;
using Portal.Clients.Services;
using Portal.Core.Navigation;
using Portal.Core.Security;

namespace Portal.Clients.Pages.Admin.Clients;

[RequirePermission(Permissions.ViewClientsName)]
public sealed class ClientsModel(ClientStore store, IAuthorizationService authorization) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? StatusText { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? SortText { get; set; }

    [BindProperty(SupportsGet = true, Name = "dir")]
    public string? Direction { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public ClientStatus Status { get; private set; }

    public ClientSort Sort { get; private set; }

    public bool Descending { get; private set; }

    public ListPage<ClientListItem> Clients { get; private set; } = new([], 0, 1, PageSize);

    public bool CanManage { get; private set; }

    public async Task OnGetAsync()
    {
        // Unknown values in a hand-edited address fall back to the defaults instead of failing.
        Status = Enum.TryParse<ClientStatus>(StatusText, ignoreCase: true, out var status) && Enum.IsDefined(status) ? status : ClientStatus.Active;
        Sort = Enum.TryParse<ClientSort>(SortText, ignoreCase: true, out var sort) && Enum.IsDefined(sort) ? sort : ClientSort.Name;
        Descending = string.Equals(Direction, "desc", StringComparison.OrdinalIgnoreCase);
        Clients = await store.ListAsync(new ClientListQuery(Search, Status, Sort, Descending, PageNumber, PageSize), HttpContext.RequestAborted);
        CanManage = (await authorization.AuthorizeAsync(User, null, new PermissionRequirement(Permissions.ManageClients.Name))).Succeeded;
    }

    /// <summary>The query string for this list with some values changed (sort links, tabs, pager).</summary>
    public string Query(ClientStatus? status = null, ClientSort? sort = null, bool? descending = null)
    {
        var values = new List<string>();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            values.Add("q=" + Uri.EscapeDataString(Search.Trim()));
        }

        values.Add("status=" + (status ?? Status));
        values.Add("sort=" + (sort ?? Sort).ToString().ToLowerInvariant());
        values.Add("dir=" + ((descending ?? Descending) ? "desc" : "asc"));
        return string.Join("&", values);
    }

    /// <summary>Link of a column heading: sorts by it, or reverses the order when it is the current sort.</summary>
    public string SortLink(ClientSort column) => "?" + Query(sort: column, descending: column == Sort ? !Descending : column == ClientSort.Created);

    public string? AriaSort(ClientSort column) => column == Sort ? (Descending ? "descending" : "ascending") : null;

    /// <summary>An arrow after the heading of the current sort (aria-sort tells assistive technology).</summary>
    public Microsoft.AspNetCore.Html.IHtmlContent Indicator(ClientSort column)
        => column == Sort
            ? new Microsoft.AspNetCore.Html.HtmlString($"<span class=\"sort-indicator\" aria-hidden=\"true\">{(Descending ? "▼" : "▲")}</span>")
            : Microsoft.AspNetCore.Html.HtmlString.Empty;
}
