using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Documents.Models;
using Portal.Documents.Services;

namespace Portal.Documents.Pages.Admin.Documents;

[RequirePermission(Permissions.ManageDocumentsName)]
public sealed class TrashModel(DocumentLibrary library, IOptions<DocumentOptions> options) : PageModel
{
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public ListPage<(Document Document, string ClientName)> Trash { get; private set; } = new([], 0, 1, 50);

    public int RetentionDays => (int)options.Value.TrashRetention.TotalDays;

    public async Task OnGetAsync() => Trash = await library.TrashListAsync(PageNumber, 50, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostRestoreAsync(Guid id)
    {
        var error = await library.RestoreAsync(id, HttpContext.RequestAborted);
        TempData[error is null ? TempDataKeys.Status : TempDataKeys.Error] = error ?? "Restored.";
        return RedirectToPage();
    }
}
