using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Documents.Models;
using Portal.Documents.Services;

namespace Portal.Documents.Pages.Documents;

/// <summary>The notes staff chose to show the client on one document.</summary>
[Authorize]
public sealed class NotesModel(DocumentAccess access, DocumentLibrary library) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid ClientId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid DocumentId { get; set; }

    public string DocumentName { get; private set; } = "";

    public IReadOnlyList<DocumentNote> Notes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var document = await library.FindAsync(DocumentId, cancellationToken: HttpContext.RequestAborted);
        if (document is null || document.ClientId != ClientId)
        {
            return NotFound();
        }

        var rights = await access.ForClientAsync(User, ClientId, HttpContext.RequestAborted);
        if (!rights.CanSee(document))
        {
            return NotFound();
        }

        DocumentName = document.Name;
        Notes = await library.NotesAsync(DocumentId, staff: rights.IsStaff, HttpContext.RequestAborted);
        return Page();
    }
}
