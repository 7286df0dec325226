using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Documents.Data;
using Portal.Documents.Models;

namespace Portal.Documents.Services;

/// <summary>The Documents module's side of <see cref="IClientFolders"/>: its folders and files, read with its own access rules.</summary>
internal sealed class ClientFolders(DocumentsDbContext db, DocumentLibrary library, DocumentAccess access, LinkGenerator links) : IClientFolders
{
    private const int MaxSameNames = 100;

    public async Task<IReadOnlyList<ClientFolder>> ListAsync(Guid clientId, CancellationToken cancellationToken = default)
    {
        var folders = await db.Folders.AsNoTracking().Where(f => f.ClientId == clientId && f.DeletedAt == null).ToListAsync(cancellationToken);
        return FolderTree.Of(folders).TopToBottom().Select(n => Describe(n.Folder, n.Path)).ToList();
    }

    public async Task<ClientFolder?> FindAsync(Guid clientId, Guid folderId, CancellationToken cancellationToken = default)
        => (await ListAsync(clientId, cancellationToken)).FirstOrDefault(f => f.Id == folderId);

    public async Task<ClientFolder> CreateAsync(Guid clientId, string name, bool clientCanUpload, ClaimsPrincipal createdBy, CancellationToken cancellationToken = default)
    {
        var wanted = FileNames.Clean(name);
        for (var attempt = 1; attempt <= MaxSameNames; attempt++)
        {
            var candidate = attempt == 1 ? wanted : string.Create(CultureInfo.InvariantCulture, $"{wanted} ({attempt})");
            var (folder, problem) = await library.CreateFolderAsync(clientId, null, candidate, clientCanUpload, createdBy, cancellationToken);
            if (folder is not null)
            {
                return Describe(folder, folder.Name);
            }

            if (problem is not null && problem.Kind != Portal.Core.Errors.ErrorKind.Conflict)
            {
                throw new InvalidOperationException(problem.Message);
            }
        }

        throw new InvalidOperationException($"The client has {MaxSameNames} folders named \"{wanted}\".");
    }

    public async Task<IReadOnlyList<ClientFolder>> CreateManyAsync(IReadOnlyList<(Guid ClientId, string Name)> folders, bool clientCanUpload, ClaimsPrincipal createdBy, CancellationToken cancellationToken = default)
    {
        var made = await library.CreateTopFoldersAsync(folders.Select(f => (f.ClientId, FileNames.Clean(f.Name))).ToList(), MaxSameNames, clientCanUpload, createdBy, cancellationToken);
        return made.Select(f => Describe(f, f.Name)).ToList();
    }

    public async Task<IReadOnlyList<ClientFolderFile>> FilesAsync(ClaimsPrincipal user, Guid clientId, Guid folderId, int limit, CancellationToken cancellationToken = default)
    {
        var rights = await access.ForClientAsync(user, clientId, cancellationToken);
        if (!rights.CanView)
        {
            return [];
        }

        var query = db.Documents.AsNoTracking()
            .Where(d => d.ClientId == clientId && d.FolderId == folderId && d.DeletedAt == null)
            .Where(rights.IsStaff ? d => d.StaffVersionId != null : d => d.ClientVersionId != null);
        if (rights.Shared is { } shared && !shared.Folders.Contains(folderId))
        {
            // A contributor sees the folder's files only one by one, as shared: filtered before the limit.
            var sharedDocuments = shared.Documents.ToList();
            query = query.Where(d => sharedDocuments.Contains(d.Id));
        }

        var documents = await query
            .OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return documents.Where(rights.CanSee)
            .Select(d => new ClientFolderFile(d.Id, d.Name, d.Size, d.UpdatedAt, d.VersionFor(rights.IsStaff)!.Value))
            .ToList();
    }

    public string FolderPath(HttpContext httpContext, Guid clientId, Guid folderId)
    {
        var staff = httpContext.Request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase);
        return links.GetPathByPage(httpContext, staff ? "/Admin/Documents/Client" : "/Documents/Client", values: new { clientId, folder = folderId }) ?? "";
    }

    private static ClientFolder Describe(Folder folder, string path) => new(folder.Id, folder.ClientId, folder.Name, path, folder.ClientCanUpload);
}
