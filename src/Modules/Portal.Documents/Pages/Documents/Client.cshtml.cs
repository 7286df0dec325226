using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Portal.Core.Caching;
using Portal.Core.Contracts;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Core.Theming;
using Portal.Documents.Models;
using Portal.Documents.Pages.Shared;
using Portal.Documents.Services;

namespace Portal.Documents.Pages.Documents;

/// <summary>A client's documents as their portal users see them: both directions, folders, upload.</summary>
[Authorize]
[OutputCache(PolicyName = SignedInPages.Policy)]
public sealed class ClientModel(
    DocumentAccess access,
    DocumentLibrary library,
    IClientDirectory clients,
    IAntiforgery antiforgery,
    TenantContext tenantContext,
    SiteSettingsStore settings,
    IOptions<DocumentOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid ClientId { get; set; }

    [BindProperty(SupportsGet = true, Name = "folder")]
    public Guid? FolderId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DocumentSort Sort { get; set; } = DocumentSort.Date;

    [BindProperty(SupportsGet = true, Name = "desc")]
    public bool Descending { get; set; } = true;

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public string ClientName { get; private set; } = "";

    public string PracticeName => tenantContext.Tenant.DisplayName;

    public IReadOnlyList<Folder> Folders { get; private set; } = [];

    public string? FolderName { get; private set; }

    public DocumentTableModel Table { get; private set; } = null!;

    public UploaderModel? Uploader { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var rights = await access.ForClientAsync(User, ClientId, HttpContext.RequestAborted);
        if (!rights.CanView)
        {
            return NotFound();
        }

        if (rights.IsStaff)
        {
            return RedirectToPage("/Admin/Documents/Client", new { clientId = ClientId });
        }

        ClientName = (await clients.FindAsync(ClientId, HttpContext.RequestAborted))?.Name ?? "";
        Folders = await library.FoldersAsync(rights, HttpContext.RequestAborted);
        var folder = FolderId is { } id ? Folders.FirstOrDefault(f => f.Id == id) : null;
        if (FolderId is not null && folder is null)
        {
            return NotFound();
        }

        FolderName = folder?.Name;
        var query = new DocumentQuery(FolderId: FolderId, Sort: Sort, Descending: Descending, Page: PageNumber);
        var page = await library.ListAsync(rights, query, HttpContext.RequestAborted);
        Table = new DocumentTableModel(ClientId, page, query, IsStaff: false, CanTrash: false, null, "No documents here yet.", FolderId is null, FolderId is null ? "" : $"folder={FolderId}");

        var targets = new List<UploadTarget>();
        if (rights.CanUploadTo(null))
        {
            targets.Add(new UploadTarget(null, "Documents (no folder)"));
        }

        targets.AddRange(FolderTree.Of(Folders).TopToBottom().Where(n => rights.CanUploadTo(n.Folder)).Select(n => new UploadTarget(n.Folder.Id, n.Path)));
        // The practice may take no files from clients (the tus endpoint refuses them too).
        if (targets.Count > 0 && (await settings.GetAsync<ClientSiteSwitches>(HttpContext.RequestAborted)).ClientUploads)
        {
            Uploader = new UploaderModel(ClientId, $"Send documents to {PracticeName}", targets, FolderId, Sizes.Format(options.Value.MaxFileSize), antiforgery.GetAndStoreTokens(HttpContext).RequestToken!);
        }

        return Page();
    }
}
