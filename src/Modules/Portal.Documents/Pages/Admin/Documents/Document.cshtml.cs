using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Contracts;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Documents.Models;
using Portal.Documents.Services;

namespace Portal.Documents.Pages.Admin.Documents;

/// <summary>One document for staff: every version, notes, and who it is shared with.</summary>
[RequirePermission(Permissions.ViewDocumentsName)]
public sealed class DocumentModel(DocumentAccess access, DocumentLibrary library, IClientDirectory clients, IUserDirectory users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid DocumentId { get; set; }

    public Document Document { get; private set; } = new();

    public string ClientName { get; private set; } = "";

    public bool CanManage { get; private set; }

    public IReadOnlyList<DocumentVersion> Versions { get; private set; } = [];

    public IReadOnlyList<DocumentNote> Notes { get; private set; } = [];

    public IReadOnlyList<(DocumentShare Share, string Name)> Shares { get; private set; } = [];

    public IReadOnlyList<PortalUserInfo> Contributors { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is { } rights && rights.CanView ? Page() : NotFound();

    /// <summary>A rejected note, to show again in the form.</summary>
    public string? NoteText { get; private set; }

    public bool NoteVisibleToClient { get; private set; }

    public async Task<IActionResult> OnPostNoteAsync(string text, bool visibleToClient)
    {
        if (await LoadAsync() is not { CanView: true })
        {
            return NotFound();
        }

        Error = await library.AddNoteAsync(DocumentId, text, visibleToClient, User, HttpContext.RequestAborted);
        if (Error is not null)
        {
            // Shown again as typed, so a long note is corrected rather than written anew.
            NoteText = text;
            NoteVisibleToClient = visibleToClient;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        TempData[TempDataKeys.Status] = "Note added.";
        return RedirectToPage(new { documentId = DocumentId });
    }

    public async Task<IActionResult> OnPostShareAsync(Guid userId)
    {
        if (await LoadAsync() is not { CanManage: true } || !Contributors.Any(c => c.Id == userId))
        {
            return NotFound();
        }

        await library.ShareAsync(Document.ClientId, DocumentId, null, userId, User, HttpContext.RequestAborted);
        TempData[TempDataKeys.Status] = "Shared.";
        return RedirectToPage(new { documentId = DocumentId });
    }

    public async Task<IActionResult> OnPostUnshareAsync(Guid share)
    {
        if (await LoadAsync() is not { CanManage: true })
        {
            return NotFound();
        }

        await library.UnshareAsync(Document.ClientId, share, HttpContext.RequestAborted);
        TempData[TempDataKeys.Status] = "No longer shared.";
        return RedirectToPage(new { documentId = DocumentId });
    }

    private async Task<ClientDocumentRights?> LoadAsync()
    {
        var document = await library.FindAsync(DocumentId, cancellationToken: HttpContext.RequestAborted);
        if (document is null)
        {
            return null;
        }

        var rights = await access.ForClientAsync(User, document.ClientId, HttpContext.RequestAborted);
        if (!rights.IsStaff || !rights.CanSee(document))
        {
            return null;
        }

        Document = document;
        CanManage = rights.CanManage;
        ClientName = (await clients.FindAsync(document.ClientId, HttpContext.RequestAborted))?.Name ?? "";
        Versions = (await library.VersionsAsync(DocumentId, HttpContext.RequestAborted)).Where(v => v.IsVisibleTo(staff: true)).ToList();
        Notes = await library.NotesAsync(DocumentId, staff: true, HttpContext.RequestAborted);
        var shares = await library.SharesAsync(document.ClientId, DocumentId, null, HttpContext.RequestAborted);
        var portalUsers = await clients.PortalUsersAsync(document.ClientId, HttpContext.RequestAborted);
        var people = await users.FindManyAsync(shares.Select(s => s.UserId).Concat(portalUsers.Select(p => p.UserId)), HttpContext.RequestAborted);
        Shares = shares.Select(s => (s, people.TryGetValue(s.UserId, out var p) ? p.DisplayName : "(removed user)")).ToList();
        Contributors = portalUsers.Where(p => p.Access == ClientAccessLevel.Contributor && people.ContainsKey(p.UserId) && shares.All(s => s.UserId != p.UserId))
            .Select(p => people[p.UserId]).ToList();
        return rights;
    }
}
