using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Caching;
using Portal.Core.Contracts;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Documents.Data;
using Portal.Documents.Services;

namespace Portal.Documents.Pages.Admin.Documents;

[RequirePermission(Permissions.ViewDocumentsName)]
[OutputCache(PolicyName = SignedInPages.Policy)]
public sealed class IndexModel(DocumentLibrary library, DocumentsDbContext db, IClientDirectory clients) : PageModel
{
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public ListPage<NewFileRow> NewFiles { get; private set; } = new([], 0, 1, 50);

    public IReadOnlyList<ClientSummary> RecentClients { get; private set; } = [];

    public async Task OnGetAsync()
    {
        NewFiles = await library.NewFilesAsync(null, PageNumber, 50, HttpContext.RequestAborted);
        var recent = await db.Documents.Where(d => d.DeletedAt == null).GroupBy(d => d.ClientId)
            .Select(g => new { ClientId = g.Key, Last = g.Max(d => d.UpdatedAt) })
            .OrderByDescending(g => g.Last).Take(20).Select(g => g.ClientId).ToListAsync(HttpContext.RequestAborted);
        var names = await clients.FindManyAsync(recent, HttpContext.RequestAborted);
        RecentClients = recent.Where(names.ContainsKey).Select(id => names[id]).ToList();
    }
}
