using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Portal.Core.Contracts;

/// <summary>
/// A client's document folders as other modules use them (implemented by the Documents module): a
/// project holds its files in a folder of its own, and a document request names the folder its
/// uploads go into. Files stay Documents' (its rules, scans, shares and pages); callers keep only the
/// folder id and link to Documents' pages, so there is one place where files are listed and moved.
/// </summary>
public interface IClientFolders
{
    /// <summary>The client's folders (not deleted), each with its path from the top ("2026 Return / Slips"), in tree order.</summary>
    Task<IReadOnlyList<ClientFolder>> ListAsync(Guid clientId, CancellationToken cancellationToken = default);

    /// <summary>That folder of that client; null when it is another client's, deleted or unknown.</summary>
    Task<ClientFolder?> FindAsync(Guid clientId, Guid folderId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes a top-level folder (e.g. for a new project). A name already
    /// used at the top gets " (2)", " (3)"... so making a project never fails on its folder's name.
    /// </summary>
    Task<ClientFolder> CreateAsync(Guid clientId, string name, bool clientCanUpload, ClaimsPrincipal createdBy, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="CreateAsync"/> for many folders in one save (a sync batch's new projects): each is named
    /// as one by one in the list's order would name it, " (2)" counting the names earlier in the list.
    /// </summary>
    Task<IReadOnlyList<ClientFolder>> CreateManyAsync(IReadOnlyList<(Guid ClientId, string Name)> folders, bool clientCanUpload, ClaimsPrincipal createdBy, CancellationToken cancellationToken = default);

    /// <summary>The files in the folder (not in its subfolders) that <paramref name="user"/> may see, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ClientFolderFile>> FilesAsync(ClaimsPrincipal user, Guid clientId, Guid folderId, int limit, CancellationToken cancellationToken = default);

    /// <summary>The Documents page that shows the folder: the staff page for staff, the client site's page for client users.</summary>
    string FolderPath(HttpContext httpContext, Guid clientId, Guid folderId);
}

/// <param name="Path">Names from the top, joined with " / ".</param>
public sealed record ClientFolder(Guid Id, Guid ClientId, string Name, string Path, bool ClientCanUpload);

/// <param name="VersionId">The version the user may see; <see cref="IClientDocumentFiles.DownloadPath"/> links to its download.</param>
public sealed record ClientFolderFile(Guid DocumentId, string Name, long Length, DateTime UpdatedAt, Guid VersionId);
