using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Errors;
using Portal.Documents.Data;
using Portal.Documents.Models;

namespace Portal.Documents.Services;

/// <summary>
/// What a practice's program (the sync API) needs of a client's files beyond the pages' services:
/// folders named by a path and made when missing, the practice's current file under a name, and the
/// files clients uploaded, oldest first.
/// </summary>
public sealed class DocumentExchange(DocumentsDbContext db, DocumentLibrary library)
{
    public const char PathSeparator = '/';

    /// <summary>The folder at "2025/Tax return" under the client's files, each missing folder made on the way; null for the top level.</summary>
    public async Task<(Guid? FolderId, PortalError? Error)> EnsureFolderPathAsync(Guid clientId, string? path, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var segments = (path ?? "").Split(PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (segments.Length == 0)
        {
            return (null, null);
        }

        var folders = await db.Folders.AsNoTracking().Where(f => f.ClientId == clientId && f.DeletedAt == null).ToListAsync(cancellationToken);
        Guid? parent = null;
        foreach (var segment in segments)
        {
            var name = FileNames.CleanOrEmpty(segment);
            if (name.Length == 0)
            {
                return (null, FolderErrors.NameUnusable(segment));
            }

            var existing = Child(folders, parent, name);
            if (existing is null)
            {
                var (created, problem) = await library.CreateFolderAsync(clientId, parent, name, clientCanUpload: false, user, cancellationToken);
                if (created is null && problem?.Kind == ErrorKind.Conflict)
                {
                    // Made meanwhile by another request: use that one.
                    folders = await db.Folders.AsNoTracking().Where(f => f.ClientId == clientId && f.DeletedAt == null).ToListAsync(cancellationToken);
                    created = Child(folders, parent, name);
                }

                if (created is null)
                {
                    return (null, problem ?? FolderErrors.ParentGone);
                }

                folders.Add(created);
                existing = created;
            }

            parent = existing.Id;
        }

        return (parent, null);
    }

    /// <summary>The current version of the file the practice keeps under this name in this folder (client uploads of the same name are other files).</summary>
    public async Task<DocumentVersion?> SentVersionAsync(Guid clientId, Guid? folderId, string fileName, CancellationToken cancellationToken = default)
    {
        var normalized = FileNames.Normalize(FileNames.Clean(fileName));
        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(
            d => d.ClientId == clientId && d.FolderId == folderId && d.NormalizedName == normalized && d.Direction == TransferDirection.ToClient && d.DeletedAt == null,
            cancellationToken);
        return document is null ? null : await db.Versions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == document.CurrentVersionId, cancellationToken);
    }

    /// <summary>
    /// Files clients uploaded (released by the scan, not in the trash), oldest first, a page at a time:
    /// the page after <paramref name="after"/> (the last file of the page before; null for the first), so
    /// a page costs the same however far into the history it is.
    /// </summary>
    public async Task<IReadOnlyList<ClientUploadedFile>> ClientUploadsAsync(ClientUploadedFile? after, int take, CancellationToken cancellationToken = default)
    {
        var versions = db.Versions.AsNoTracking().Where(v => v.Direction == TransferDirection.FromClient).Where(ScanVisibility.Released);
        if (after is not null)
        {
            var (at, id) = (after.UploadedAt, after.VersionId);
            // The plain lower bound lets the (Direction, UploadedAt, Id) index start at the page.
            versions = versions.Where(v => v.UploadedAt >= at && (v.UploadedAt > at || v.Id.CompareTo(id) > 0));
        }

        var rows = await versions
            .Join(db.Documents.Where(d => d.DeletedAt == null), v => v.DocumentId, d => d.Id, (v, d) => new { v, d })
            .OrderBy(x => x.v.UploadedAt).ThenBy(x => x.v.Id)
            .Take(take)
            .ToListAsync(cancellationToken);
        var clientIds = rows.Select(r => r.d.ClientId).Distinct().ToList();
        var folders = await db.Folders.AsNoTracking().Where(f => clientIds.Contains(f.ClientId)).ToDictionaryAsync(f => f.Id, cancellationToken);
        return rows.Select(r => new ClientUploadedFile(
            r.d.ClientId, r.d.Id, r.v.Id, r.d.Name, PathOf(r.d.FolderId, folders), r.v.Size, r.v.Sha256, r.v.UploadedAt, r.v.UploadedByName)).ToList();
    }

    private static Folder? Child(IEnumerable<Folder> folders, Guid? parent, string name)
        => folders.FirstOrDefault(f => f.ParentId == parent && string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    private static string? PathOf(Guid? folderId, Dictionary<Guid, Folder> folders)
    {
        var names = new List<string>();
        var seen = new HashSet<Guid>();
        for (var id = folderId; id is { } current && folders.TryGetValue(current, out var folder) && seen.Add(current); id = folder.ParentId)
        {
            names.Insert(0, folder.Name);
        }

        return names.Count == 0 ? null : string.Join(PathSeparator, names);
    }
}

/// <summary>A file a client uploaded, as the program's "Check for New Files" lists it.</summary>
public sealed record ClientUploadedFile(Guid ClientId, Guid DocumentId, Guid VersionId, string FileName, string? Folder, long Length, string Sha256, DateTime UploadedAt, string UploadedBy);
