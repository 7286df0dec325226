using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Portal.Core.Caching;
using Portal.Core.Contracts;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Time;
using Portal.Documents.Models;
using Portal.Documents.Pages.Shared;
using Portal.Documents.Services;

namespace Portal.Documents.Pages.Admin.Documents;

/// <summary>Staff's view of one client's documents: all files both ways, folders, sending, trash, sharing.</summary>
[RequirePermission(Permissions.ViewDocumentsName)]
[OutputCache(PolicyName = SignedInPages.Policy)]
public sealed class ClientModel(
    DocumentAccess access,
    DocumentLibrary library,
    IClientDirectory clients,
    IUserDirectory users,
    IAntiforgery antiforgery,
    IPracticeClock clock,
    IOptions<DocumentOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid ClientId { get; set; }

    [BindProperty(SupportsGet = true, Name = "folder")]
    public Guid? FolderId { get; set; }

    [BindProperty(SupportsGet = true, Name = "new")]
    public bool NewOnly { get; set; }

    [BindProperty(SupportsGet = true, Name = "top")]
    public bool TopLevel { get; set; }

    [BindProperty(SupportsGet = true)]
    public DocumentSort Sort { get; set; } = DocumentSort.Date;

    [BindProperty(SupportsGet = true, Name = "desc")]
    public bool Descending { get; set; } = true;

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public string ClientName { get; private set; } = "";

    public bool CanManage { get; private set; }

    public IReadOnlyList<Folder> Folders { get; private set; } = [];

    public Folder? CurrentFolder { get; private set; }

    public IReadOnlyList<PortalUserInfo> Contributors { get; private set; } = [];

    public IReadOnlyList<string> FolderShares { get; private set; } = [];

    public DocumentTableModel Table { get; private set; } = null!;

    public UploaderModel? Uploader { get; private set; }

    /// <summary>The "New folder" form, with what was typed when it was refused.</summary>
    public FolderForm NewFolder { get; private set; } = FolderForm.Empty;

    /// <summary>The open folder's rename form when it was refused (otherwise it shows the folder as it is).</summary>
    public FolderForm? Rename { get; private set; }

    public Task<IActionResult> OnGetAsync() => LoadAsync();

    private async Task<IActionResult> LoadAsync()
    {
        var rights = await access.ForClientAsync(User, ClientId, HttpContext.RequestAborted);
        var client = await clients.FindAsync(ClientId, HttpContext.RequestAborted);
        if (!rights.IsStaff || !rights.CanView || client is null)
        {
            return NotFound();
        }

        ClientName = client.Name;
        CanManage = rights.CanManage;
        Folders = await library.FoldersAsync(rights, HttpContext.RequestAborted);
        CurrentFolder = FolderId is { } id ? Folders.FirstOrDefault(f => f.Id == id) : null;
        if (FolderId is not null && CurrentFolder is null)
        {
            return NotFound();
        }

        var query = new DocumentQuery(FolderId, TopLevel, null, NewOnly, Sort, Descending, PageNumber);
        var baseQuery = FolderId is not null ? $"folder={FolderId}" : NewOnly ? "new=true" : TopLevel ? "top=true" : "";
        Table = new DocumentTableModel(
            ClientId,
            await library.ListAsync(rights, query, HttpContext.RequestAborted),
            query,
            IsStaff: true,
            CanTrash: rights.CanManage,
            Url.Page("/Admin/Documents/Client", "Trash", new { clientId = ClientId }),
            NewOnly ? "No new files from this client." : "No documents here yet.",
            CurrentFolder is null,
            baseQuery);

        if (rights.CanSend)
        {
            var targets = new List<UploadTarget> { new(null, "Documents (no folder)") };
            targets.AddRange(FolderTree.Of(Folders).TopToBottom().Select(f => new UploadTarget(f.Folder.Id, f.Path)));
            Uploader = new UploaderModel(ClientId, $"Send documents to {ClientName}", targets, FolderId, Sizes.Format(options.Value.MaxFileSize), antiforgery.GetAndStoreTokens(HttpContext).RequestToken!);
        }

        if (CurrentFolder is not null && CanManage)
        {
            // Only the open folder's panel, shown to those who manage documents, lists contributors and shares.
            var portalUsers = await clients.PortalUsersAsync(ClientId, HttpContext.RequestAborted);
            var people = await users.FindManyAsync(portalUsers.Select(p => p.UserId), HttpContext.RequestAborted);
            Contributors = portalUsers.Where(p => p.Access == ClientAccessLevel.Contributor && people.ContainsKey(p.UserId)).Select(p => people[p.UserId]).ToList();

            var shares = await library.SharesAsync(ClientId, null, CurrentFolder.Id, HttpContext.RequestAborted);
            var names = await users.FindManyAsync(shares.Select(s => s.UserId), HttpContext.RequestAborted);
            FolderShares = shares.Select(s => names.TryGetValue(s.UserId, out var p) ? p.DisplayName : "(removed user)").ToList();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostCreateFolderAsync(string? name, Guid? parentId, bool clientCanUpload)
    {
        var rights = await access.ForClientAsync(User, ClientId, HttpContext.RequestAborted);
        if (!rights.CanView)
        {
            return NotFound();
        }

        if (!rights.CanManage)
        {
            return Forbid();
        }

        var (folder, problem) = await library.CreateFolderAsync(ClientId, parentId, name ?? "", clientCanUpload, User, HttpContext.RequestAborted);
        if (problem is not null)
        {
            NewFolder = new FolderForm(name ?? "", parentId, clientCanUpload, problem);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await LoadAsync();
        }

        TempData[TempDataKeys.Status] = $"Folder \"{folder!.Name}\" created.";
        return RedirectToPage("/Admin/Documents/Client", new { clientId = ClientId, folder = folder.Id });
    }

    public async Task<IActionResult> OnPostUpdateFolderAsync(string? name, bool clientCanUpload)
    {
        var rights = await access.ForClientAsync(User, ClientId, HttpContext.RequestAborted);
        if (!rights.CanView || FolderId is null)
        {
            return NotFound();
        }

        if (!rights.CanManage)
        {
            return Forbid();
        }

        var problem = await library.UpdateFolderAsync(ClientId, FolderId.Value, name ?? "", clientCanUpload, HttpContext.RequestAborted);
        if (problem is { Field: not null })
        {
            Rename = new FolderForm(name ?? "", null, clientCanUpload, problem);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await LoadAsync();
        }

        TempData[problem is null ? TempDataKeys.Status : TempDataKeys.Error] = problem?.Message ?? "Folder saved.";
        return RedirectToPage("/Admin/Documents/Client", new { clientId = ClientId, folder = problem is null ? FolderId : null });
    }

    public async Task<IActionResult> OnPostDeleteFolderAsync()
    {
        var rights = await access.ForClientAsync(User, ClientId, HttpContext.RequestAborted);
        if (!rights.CanView || FolderId is null)
        {
            return NotFound();
        }

        if (!rights.CanManage)
        {
            return Forbid();
        }

        var error = await library.DeleteFolderAsync(ClientId, FolderId.Value, HttpContext.RequestAborted);
        TempData[error is null ? TempDataKeys.Status : TempDataKeys.Error] = error ?? "Folder deleted.";
        return RedirectToPage("/Admin/Documents/Client", new { clientId = ClientId, folder = error is null ? null : FolderId });
    }

    public async Task<IActionResult> OnPostShareFolderAsync(Guid userId)
    {
        var rights = await access.ForClientAsync(User, ClientId, HttpContext.RequestAborted);
        var portalUsers = await clients.PortalUsersAsync(ClientId, HttpContext.RequestAborted);
        if (!rights.CanManage || FolderId is null || !portalUsers.Any(p => p.UserId == userId && p.Access == ClientAccessLevel.Contributor))
        {
            return Forbid();
        }

        await library.ShareAsync(ClientId, null, FolderId, userId, User, HttpContext.RequestAborted);
        TempData[TempDataKeys.Status] = "The folder is shared.";
        return RedirectToPage("/Admin/Documents/Client", new { clientId = ClientId, folder = FolderId });
    }

    public async Task<IActionResult> OnPostTrashAsync(List<Guid> documents, string? returnUrl)
    {
        var rights = await access.ForClientAsync(User, ClientId, HttpContext.RequestAborted);
        if (!rights.CanView)
        {
            return NotFound();
        }

        if (!rights.CanManage)
        {
            return Forbid();
        }

        if (documents.Count == 0)
        {
            TempData[TempDataKeys.Error] = "Choose at least one document to move to the trash: tick the boxes beside the files.";
            return BackToList(returnUrl);
        }

        var count = await library.TrashAsync(rights, documents, User, HttpContext.RequestAborted);
        TempData[TempDataKeys.Status] = count == 1 ? "1 document moved to the trash." : $"{count.ToString(CultureInfo.CurrentCulture)} documents moved to the trash.";
        return BackToList(returnUrl);
    }

    // Back to the list as it was (folder, sort, page), which the form sends along.
    private IActionResult BackToList(string? returnUrl)
        => ReturnUrl.LocalOrNull(returnUrl) is { } back ? LocalRedirect(back) : RedirectToPage("/Admin/Documents/Client", new { clientId = ClientId });

    public async Task<IActionResult> OnGetNotesCsvAsync()
    {
        var rights = await access.ForClientAsync(User, ClientId, HttpContext.RequestAborted);
        if (!rights.IsStaff || !rights.CanView)
        {
            return NotFound();
        }

        DocumentDownloads.SetAttachmentHeaders(Response, $"notes {FileNames.Clean((await clients.FindAsync(ClientId))?.Name ?? "client")}.csv");
        Response.ContentType = "text/csv; charset=utf-8";
        var zone = await clock.ZoneAsync(HttpContext.RequestAborted);
        await using var writer = new StreamWriter(Response.Body, new System.Text.UTF8Encoding(true));
        await writer.WriteLineAsync($"Document,Date ({zone.Label}),Author,Visible to client,Note");
        await foreach (var note in library.NotesOfClientAsync(ClientId).WithCancellation(HttpContext.RequestAborted))
        {
            await writer.WriteLineAsync(string.Join(',', Csv(note.DocumentName), zone.ToLocal(note.CreatedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Csv(note.AuthorName), note.VisibleToClient ? "yes" : "no", Csv(note.Text)));
        }

        return new EmptyResult();
    }

    /// <summary>Quoted, and a leading = + - @ neutralised so a spreadsheet does not run it as a formula.</summary>
    private static string Csv(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
