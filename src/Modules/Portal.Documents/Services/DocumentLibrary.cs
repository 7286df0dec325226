using System.Globalization;
using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Errors;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Text;
using Portal.Documents.Data;
using Portal.Documents.Models;

namespace Portal.Documents.Services;

/// <summary>Reading and organising a client's documents: folders, lists, new files, trash, notes, shares.</summary>
public sealed class DocumentLibrary(DocumentsDbContext db, IClientDirectory clientDirectory, IAuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<Folder>> FoldersAsync(ClientDocumentRights rights, CancellationToken cancellationToken = default)
    {
        var folders = await db.Folders.AsNoTracking().Where(f => f.ClientId == rights.ClientId && f.DeletedAt == null)
            .OrderBy(f => f.Name).ToListAsync(cancellationToken);
        return folders.Where(f => rights.CanSeeFolder(f.Id)).ToList();
    }

    public Task<Folder?> FindFolderAsync(Guid clientId, Guid folderId, CancellationToken cancellationToken = default)
        => db.Folders.AsNoTracking().SingleOrDefaultAsync(f => f.Id == folderId && f.ClientId == clientId && f.DeletedAt == null, cancellationToken);

    /// <summary>A page of the client's documents the user may see; sorted and paged in the database.</summary>
    public async Task<ListPage<DocumentRow>> ListAsync(ClientDocumentRights rights, DocumentQuery query, CancellationToken cancellationToken = default)
    {
        // Each side lists the version it may see (see ScanVisibility); a document with none is not listed.
        Expression<Func<Document, Guid?>> shown = rights.IsStaff ? d => d.StaffVersionId : d => d.ClientVersionId;
        Expression<Func<Document, bool>> hasShown = rights.IsStaff ? d => d.StaffVersionId != null : d => d.ClientVersionId != null;
        var documents = db.Documents.AsNoTracking().Where(d => d.ClientId == rights.ClientId && d.DeletedAt == null).Where(hasShown);
        if (query.FolderId is { } folderId)
        {
            documents = documents.Where(d => d.FolderId == folderId);
        }
        else if (query.TopLevelOnly)
        {
            documents = documents.Where(d => d.FolderId == null);
        }

        if (rights.Shared is { } shared)
        {
            var sharedDocuments = shared.Documents.ToList();
            var sharedFolders = shared.Folders.ToList();
            documents = documents.Where(d => sharedDocuments.Contains(d.Id) || (d.FolderId != null && sharedFolders.Contains(d.FolderId.Value)));
        }

        if (query.Direction is { } direction)
        {
            documents = documents.Where(d => d.Direction == direction);
        }

        if (query.NewOnly)
        {
            documents = documents.Where(d => db.Versions.Any(v => v.Id == d.StaffVersionId && v.Direction == TransferDirection.FromClient && v.StaffDownloadedAt == null
                && (v.ScanState == ScanState.Clean || v.ScanState == ScanState.NotScanned)));
        }

        var filtered = documents;
        documents = (query.Sort, query.Descending) switch
        {
            (DocumentSort.Name, false) => documents.OrderBy(d => d.NormalizedName),
            (DocumentSort.Name, true) => documents.OrderByDescending(d => d.NormalizedName),
            (DocumentSort.Size, false) => documents.OrderBy(d => d.Size).ThenBy(d => d.NormalizedName),
            (DocumentSort.Size, true) => documents.OrderByDescending(d => d.Size).ThenBy(d => d.NormalizedName),
            (DocumentSort.Direction, false) => documents.OrderBy(d => d.Direction).ThenByDescending(d => d.UpdatedAt),
            (DocumentSort.Direction, true) => documents.OrderByDescending(d => d.Direction).ThenByDescending(d => d.UpdatedAt),
            (_, false) => documents.OrderBy(d => d.UpdatedAt),
            _ => documents.OrderByDescending(d => d.UpdatedAt),
        };
        var page = Math.Max(1, query.Page);
        var rows = await documents.Skip((page - 1) * query.PageSize).Take(query.PageSize)
            .Join(db.Versions, shown, v => (Guid?)v.Id, (d, v) => new DocumentRow(d, v))
            .ToListAsync(cancellationToken);

        // A first page that is not full is the whole list: most folders fit on one page, so most
        // requests need no count.
        var total = page == 1 && rows.Count < query.PageSize ? rows.Count : await filtered.CountAsync(cancellationToken);

        // The join loses the order on some providers: restore it from the paged ids.
        var ids = rows.Select(r => r.Document.Id).ToList();
        var noteCounts = await db.Notes.Where(n => ids.Contains(n.DocumentId) && (rights.IsStaff || n.VisibleToClient))
            .GroupBy(n => n.DocumentId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var folderNames = await db.Folders.Where(f => f.ClientId == rights.ClientId).Select(f => new { f.Id, f.Name }).ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken);
        var ordered = Sort(rows, query).Select(r => r with { NoteCount = noteCounts.GetValueOrDefault(r.Document.Id), FolderName = r.Document.FolderId is { } f ? folderNames.GetValueOrDefault(f) : null }).ToList();
        return new ListPage<DocumentRow>(ordered, total, page, query.PageSize);
    }

    /// <summary>Files clients uploaded that no staff member has downloaded yet, across all clients (or one).</summary>
    public async Task<ListPage<NewFileRow>> NewFilesAsync(Guid? clientId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var query = NewFiles(clientId);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(x => x.Version.UploadedAt).Skip((Math.Max(page, 1) - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        var clients = await clientDirectory.FindManyAsync(rows.Select(r => r.Document.ClientId), cancellationToken);
        return new ListPage<NewFileRow>(
            rows.Select(r => new NewFileRow(r.Document, r.Version, clients.TryGetValue(r.Document.ClientId, out var c) ? c.Name : "(unknown client)")).ToList(),
            total,
            Math.Max(page, 1),
            pageSize);
    }

    /// <summary>How many files of one client (or all) are new for staff.</summary>
    public Task<int> NewFileCountAsync(Guid? clientId, CancellationToken cancellationToken = default)
        => NewFiles(clientId).CountAsync(cancellationToken);

    private IQueryable<DocumentWithVersion> NewFiles(Guid? clientId)
    {
        var documents = db.Documents.AsNoTracking().Where(d => d.DeletedAt == null);
        if (clientId is { } id)
        {
            documents = documents.Where(d => d.ClientId == id);
        }

        return db.Versions.AsNoTracking()
            .Where(v => v.Direction == TransferDirection.FromClient && v.StaffDownloadedAt == null)
            .Where(ScanVisibility.Released)
            .Join(documents, v => v.DocumentId, d => d.Id, (v, d) => new DocumentWithVersion { Document = d, Version = v });
    }

    /// <summary>
    /// Documents the practice sent to these clients that none of their portal users has downloaded yet
    /// (<see cref="DocumentRow.IsNewToClient"/>, the "New" mark of the client's list): the version the client
    /// sees, released, not in the trash; a contributor's (<paramref name="shared"/>) only what is shared with them.
    /// Filtered by the documents' (ClientId, DeletedAt, UpdatedAt) index; each version joined by its key.
    /// </summary>
    public IQueryable<NewToClientRow> NewToClient(IReadOnlyCollection<Guid> clientIds, SharedItems? shared)
    {
        var ids = clientIds.ToList();
        var documents = db.Documents.AsNoTracking().Where(d => ids.Contains(d.ClientId) && d.DeletedAt == null && d.ClientVersionId != null);
        if (shared is not null)
        {
            var sharedDocuments = shared.Documents.ToList();
            var sharedFolders = shared.Folders.ToList();
            documents = documents.Where(d => sharedDocuments.Contains(d.Id) || (d.FolderId != null && sharedFolders.Contains(d.FolderId.Value)));
        }

        var unread = db.Versions.AsNoTracking().Where(v => v.Direction == TransferDirection.ToClient && v.ClientDownloadedAt == null).Where(ScanVisibility.Released);
        return documents.Join(unread, d => d.ClientVersionId, v => (Guid?)v.Id, (d, v) => new NewToClientRow
        {
            DocumentId = d.Id,
            ClientId = d.ClientId,
            FolderId = d.FolderId,
            Name = d.Name,
            UploadedAt = v.UploadedAt,
            UploadedByName = v.UploadedByName,
        });
    }

    private sealed class DocumentWithVersion
    {
        public required Document Document { get; init; }

        public required DocumentVersion Version { get; init; }
    }

    public async Task<Document?> FindAsync(Guid documentId, bool includeDeleted = false, CancellationToken cancellationToken = default)
        => await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId && (includeDeleted || d.DeletedAt == null), cancellationToken);

    /// <summary>The versions of the given documents of one client that this side sees and may download (deleted ones left out), in the order asked for.</summary>
    public async Task<IReadOnlyList<(Document Document, DocumentVersion Version)>> CurrentVersionsAsync(Guid clientId, IReadOnlyCollection<Guid> documentIds, bool staff, CancellationToken cancellationToken = default)
    {
        var ids = documentIds.ToArray();
        Expression<Func<Document, Guid?>> shown = staff ? d => d.StaffVersionId : d => d.ClientVersionId;
        var rows = await db.Documents.AsNoTracking()
            .Where(d => d.ClientId == clientId && d.DeletedAt == null && ids.Contains(d.Id))
            .Join(db.Versions.AsNoTracking().Where(ScanVisibility.Released), shown, v => (Guid?)v.Id, (d, v) => new DocumentWithVersion { Document = d, Version = v })
            .ToDictionaryAsync(r => r.Document.Id, cancellationToken);
        return documentIds.Where(rows.ContainsKey).Select(id => (rows[id].Document, rows[id].Version)).ToList();
    }

    public async Task<IReadOnlyList<DocumentVersion>> VersionsAsync(Guid documentId, CancellationToken cancellationToken = default)
        => await db.Versions.AsNoTracking().Where(v => v.DocumentId == documentId).OrderByDescending(v => v.Number).ToListAsync(cancellationToken);

    public async Task<(Document Document, DocumentVersion Version)?> FindVersionAsync(Guid versionId, CancellationToken cancellationToken = default)
    {
        var row = await db.Versions.AsNoTracking().Where(v => v.Id == versionId)
            .Join(db.Documents.Where(d => d.DeletedAt == null), v => v.DocumentId, d => d.Id, (v, d) => new { v, d })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : (row.d, row.v);
    }

    public async Task<(Folder? Folder, PortalError? Problem)> CreateFolderAsync(Guid clientId, Guid? parentId, string name, bool clientCanUpload, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (NameProblem(name) is { } nameProblem)
        {
            return (null, nameProblem);
        }

        name = FileNames.Clean(name);
        if (parentId is { } parent && await FindFolderAsync(clientId, parent, cancellationToken) is null)
        {
            return (null, FolderErrors.ParentGone);
        }

        if (await db.Folders.AnyAsync(f => f.ClientId == clientId && f.ParentId == parentId && f.DeletedAt == null && f.Name.ToLower() == name.ToLower(), cancellationToken))
        {
            return (null, FolderErrors.NameTaken(name));
        }

        var folder = new Folder
        {
            Id = Guid.CreateVersion7(),
            ClientId = clientId,
            ParentId = parentId,
            Name = name,
            ClientCanUpload = clientCanUpload,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = user.IdOf(),
        };
        db.Folders.Add(folder);
        await db.SaveChangesAsync(cancellationToken);
        return (folder, null);
    }

    /// <summary>
    /// Top-level folders for many clients in one save, each name made free as one by one would: the
    /// client's stored top-level names and the names given earlier in the list count, " (2)" and on.
    /// Names are compared ignoring case here in .NET, where one by one asks the database (whose lower()
    /// folds only ASCII on SQLite): "ÉTAT" and "État" are one name here, two there.
    /// </summary>
    internal async Task<IReadOnlyList<Folder>> CreateTopFoldersAsync(IReadOnlyList<(Guid ClientId, string Name)> wanted, int maxSameNames, bool clientCanUpload, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var clientIds = wanted.Select(w => w.ClientId).Distinct().ToList();
        var taken = (await db.Folders.AsNoTracking()
                .Where(f => clientIds.Contains(f.ClientId) && f.ParentId == null && f.DeletedAt == null)
                .Select(f => new { f.ClientId, f.Name })
                .ToListAsync(cancellationToken))
            .Select(f => (f.ClientId, f.Name.ToLowerInvariant()))
            .ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var folders = new List<Folder>(wanted.Count);
        foreach (var (clientId, name) in wanted)
        {
            // Each candidate checked and cleaned as CreateFolderAsync does (a long name's " (2)" is cut back to the name).
            var free = Enumerable.Range(1, maxSameNames)
                .Select(attempt => attempt == 1 ? name : string.Create(CultureInfo.InvariantCulture, $"{name} ({attempt})"))
                .Select(candidate => NameProblem(candidate) is { } problem ? throw new ArgumentException(problem.Message, nameof(wanted)) : FileNames.Clean(candidate))
                .FirstOrDefault(candidate => taken.Add((clientId, candidate.ToLowerInvariant())))
                ?? throw new InvalidOperationException($"The client has {maxSameNames} folders named \"{name}\".");
            var folder = new Folder { Id = Guid.CreateVersion7(), ClientId = clientId, Name = free, ClientCanUpload = clientCanUpload, CreatedAt = now, CreatedBy = user.IdOf() };
            db.Folders.Add(folder);
            folders.Add(folder);
        }

        await db.SaveChangesAsync(cancellationToken);
        return folders;
    }

    public async Task<PortalError?> UpdateFolderAsync(Guid clientId, Guid folderId, string name, bool clientCanUpload, CancellationToken cancellationToken = default)
    {
        var folder = await db.Folders.SingleOrDefaultAsync(f => f.Id == folderId && f.ClientId == clientId && f.DeletedAt == null, cancellationToken);
        if (folder is null)
        {
            return FolderErrors.FolderGone;
        }

        if (NameProblem(name) is { } nameProblem)
        {
            return nameProblem;
        }

        name = FileNames.Clean(name);
        if (await db.Folders.AnyAsync(f => f.ClientId == clientId && f.ParentId == folder.ParentId && f.Id != folderId && f.DeletedAt == null && f.Name.ToLower() == name.ToLower(), cancellationToken))
        {
            return FolderErrors.NameTaken(name);
        }

        folder.Name = name;
        folder.ClientCanUpload = clientCanUpload;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    // A file with no usable name is still worth keeping (it becomes "file"); a folder is named by a person, who can type one.
    private static PortalError? NameProblem(string? name)
        => string.IsNullOrWhiteSpace(name) ? FolderErrors.NameRequired
            : FileNames.CleanOrEmpty(name).Length == 0 ? FolderErrors.NameUnusable(name.Trim())
            : null;

    /// <summary>Only an empty folder is removed, so nothing disappears by accident.</summary>
    public async Task<string?> DeleteFolderAsync(Guid clientId, Guid folderId, CancellationToken cancellationToken = default)
    {
        if (await db.Folders.AnyAsync(f => f.ParentId == folderId && f.DeletedAt == null, cancellationToken)
            || await db.Documents.AnyAsync(d => d.FolderId == folderId && d.DeletedAt == null, cancellationToken))
        {
            return "Only an empty folder can be deleted. Move or delete what is in it first.";
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await db.Folders.Where(f => f.Id == folderId && f.ClientId == clientId).ExecuteUpdateAsync(s => s.SetProperty(f => f.DeletedAt, now), cancellationToken);
        return null;
    }

    public async Task<int> TrashAsync(ClientDocumentRights rights, IReadOnlyCollection<Guid> documentIds, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = user.IdOf();
        var documents = await db.Documents.Where(d => documentIds.Contains(d.Id) && d.ClientId == rights.ClientId && d.DeletedAt == null)
            .Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken);
        var ids = documents.Select(d => d.Id).ToList();
        var trashed = await db.Documents.Where(d => ids.Contains(d.Id) && d.DeletedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.DeletedAt, now).SetProperty(d => d.DeletedBy, userId), cancellationToken);
        if (trashed > 0)
        {
            // What was trashed (not what was asked for), each name with its id: names repeat across folders, and the trash is purged later.
            await audit.RecordAsync(new AuditEntry(DocumentAuditActions.Trashed, AuditTargetTypes.Client, rights.ClientId.ToString(), $"{Sentence.Count(documents.Count, "document")}: {string.Join(", ", documents.Select(d => $"{d.Name} ({d.Id})"))}"), cancellationToken);
        }

        return trashed;
    }

    public async Task<ListPage<(Document Document, string ClientName)>> TrashListAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var query = db.Documents.AsNoTracking().Where(d => d.DeletedAt != null);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(d => d.DeletedAt).Skip((Math.Max(page, 1) - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var clients = await clientDirectory.FindManyAsync(rows.Select(r => r.ClientId), cancellationToken);
        return new ListPage<(Document Document, string ClientName)>(rows.Select(d => (d, clients.TryGetValue(d.ClientId, out var c) ? c.Name : "(unknown client)")).ToList(), total, Math.Max(page, 1), pageSize);
    }

    /// <summary>Back from the trash; if a document of the same name from the same side arrived meanwhile, the restored one gets a new name.</summary>
    public async Task<string?> RestoreAsync(Guid documentId, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == documentId && d.DeletedAt != null, cancellationToken);
        if (document is null)
        {
            return "That document is not in the trash.";
        }

        if (document.FolderId is { } folder && !await db.Folders.AnyAsync(f => f.Id == folder && f.DeletedAt == null, cancellationToken))
        {
            document.FolderId = null; // its folder was removed: restore at the top level
        }

        var name = document.Name;
        for (var n = 2; await db.Documents.AnyAsync(d => d.ClientId == document.ClientId && d.FolderId == document.FolderId && d.Direction == document.Direction && d.DeletedAt == null && d.NormalizedName == FileNames.Normalize(name), cancellationToken); n++)
        {
            name = FileNames.Numbered(document.Name, n);
        }

        document.Name = name;
        document.NormalizedName = FileNames.Normalize(name);
        document.DeletedAt = null;
        document.DeletedBy = null;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry(DocumentAuditActions.Restored, AuditTargetTypes.Document, documentId.ToString(), name), cancellationToken);
        return null;
    }

    public async Task<IReadOnlyList<DocumentNote>> NotesAsync(Guid documentId, bool staff, CancellationToken cancellationToken = default)
        => await db.Notes.AsNoTracking().Where(n => n.DocumentId == documentId && (staff || n.VisibleToClient)).OrderBy(n => n.CreatedAt).ToListAsync(cancellationToken);

    public async Task<string?> AddNoteAsync(Guid documentId, string text, bool visibleToClient, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        text = text?.Trim() ?? "";
        if (text.Length is 0 or > 4000)
        {
            return "Write a note of up to 4,000 characters.";
        }

        db.Notes.Add(new DocumentNote
        {
            Id = Guid.CreateVersion7(),
            DocumentId = documentId,
            Text = text,
            VisibleToClient = visibleToClient,
            AuthorId = user.IdOf() ?? Guid.Empty,
            AuthorName = user.DisplayNameOf(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Every note of a client's documents, for the notes export (documents in the trash are not listed, as on the page).</summary>
    public IAsyncEnumerable<NoteExportRow> NotesOfClientAsync(Guid clientId)
        => db.Notes.AsNoTracking()
            .Join(db.Documents.Where(d => d.ClientId == clientId && d.DeletedAt == null), n => n.DocumentId, d => d.Id, (n, d) => new { n, d })
            .OrderBy(x => x.d.NormalizedName).ThenBy(x => x.n.CreatedAt)
            .Select(x => new NoteExportRow(x.d.Name, x.n.CreatedAt, x.n.AuthorName, x.n.VisibleToClient, x.n.Text))
            .AsAsyncEnumerable();

    public async Task<IReadOnlyList<DocumentShare>> SharesAsync(Guid clientId, Guid? documentId, Guid? folderId, CancellationToken cancellationToken = default)
        => await db.Shares.AsNoTracking().Where(s => s.ClientId == clientId && s.DocumentId == documentId && s.FolderId == folderId).ToListAsync(cancellationToken);

    public async Task ShareAsync(Guid clientId, Guid? documentId, Guid? folderId, Guid userId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (await db.Shares.AnyAsync(s => s.ClientId == clientId && s.DocumentId == documentId && s.FolderId == folderId && s.UserId == userId, cancellationToken))
        {
            return;
        }

        db.Shares.Add(new DocumentShare { Id = Guid.CreateVersion7(), ClientId = clientId, DocumentId = documentId, FolderId = folderId, UserId = userId, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = user.IdOf() });
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry(DocumentAuditActions.Shared, documentId is null ? AuditTargetTypes.Folder : AuditTargetTypes.Document, (documentId ?? folderId).ToString(), $"with user {userId}"), cancellationToken);
    }

    public async Task UnshareAsync(Guid clientId, Guid shareId, CancellationToken cancellationToken = default)
    {
        var share = await db.Shares.AsNoTracking().SingleOrDefaultAsync(s => s.Id == shareId && s.ClientId == clientId, cancellationToken);
        var removed = await db.Shares.Where(s => s.Id == shareId && s.ClientId == clientId).ExecuteDeleteAsync(cancellationToken);
        if (removed > 0 && share is not null)
        {
            // About the document or folder, as sharing it was: a share row has no name and is gone now.
            await audit.RecordAsync(new AuditEntry(DocumentAuditActions.Unshared, share.DocumentId is null ? AuditTargetTypes.Folder : AuditTargetTypes.Document, (share.DocumentId ?? share.FolderId).ToString(), $"with user {share.UserId}"), cancellationToken);
        }
    }

    private static IEnumerable<DocumentRow> Sort(IEnumerable<DocumentRow> rows, DocumentQuery query) => (query.Sort, query.Descending) switch
    {
        (DocumentSort.Name, false) => rows.OrderBy(r => r.Document.NormalizedName, StringComparer.Ordinal),
        (DocumentSort.Name, true) => rows.OrderByDescending(r => r.Document.NormalizedName, StringComparer.Ordinal),
        (DocumentSort.Size, false) => rows.OrderBy(r => r.Document.Size),
        (DocumentSort.Size, true) => rows.OrderByDescending(r => r.Document.Size),
        (DocumentSort.Direction, false) => rows.OrderBy(r => r.Document.Direction).ThenByDescending(r => r.Document.UpdatedAt),
        (DocumentSort.Direction, true) => rows.OrderByDescending(r => r.Document.Direction).ThenByDescending(r => r.Document.UpdatedAt),
        (_, false) => rows.OrderBy(r => r.Document.UpdatedAt),
        _ => rows.OrderByDescending(r => r.Document.UpdatedAt),
    };

}

public enum DocumentSort
{
    Date,
    Name,
    Size,
    Direction,
}

public sealed record DocumentQuery(Guid? FolderId = null, bool TopLevelOnly = false, TransferDirection? Direction = null, bool NewOnly = false, DocumentSort Sort = DocumentSort.Date, bool Descending = true, int Page = 1, int PageSize = 50);

public sealed record DocumentRow(Document Document, DocumentVersion Version)
{
    public int NoteCount { get; init; }

    public string? FolderName { get; init; }

    public bool IsNew => Version.Direction == TransferDirection.FromClient && Version.StaffDownloadedAt is null && Version.IsReleased();

    /// <summary>Sent by the practice, released to the client, and not yet downloaded by any of the client's portal users.</summary>
    public bool IsNewToClient => Version.Direction == TransferDirection.ToClient && Version.ClientDownloadedAt is null && Version.IsReleased();
}

/// <summary>A document new to the client (<see cref="DocumentLibrary.NewToClient"/>): what a home card line shows of it.</summary>
public sealed class NewToClientRow
{
    public required Guid DocumentId { get; init; }

    public required Guid ClientId { get; init; }

    public required Guid? FolderId { get; init; }

    public required string Name { get; init; }

    public required DateTime UploadedAt { get; init; }

    public required string UploadedByName { get; init; }
}

public sealed record NewFileRow(Document Document, DocumentVersion Version, string ClientName);

public sealed record NoteExportRow(string DocumentName, DateTime CreatedAt, string AuthorName, bool VisibleToClient, string Text);
