using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Documents.Data;

namespace Portal.Documents.Services;

/// <summary>
/// What is shared with contributors. Kept apart from <see cref="DocumentAccess"/> (which asks the
/// Clients module about the signed-in user) so that notices composed outside a request, such as the
/// "new documents" reminder, can apply the same rule without that dependency.
/// </summary>
public sealed class DocumentShares(DocumentsDbContext db)
{
    /// <summary>What a portal user of the client may see, by their membership (for notices sent to them, outside their own request).</summary>
    public async Task<ClientDocumentRights> ForPortalUserAsync(Guid clientId, ClientPortalUser portalUser, CancellationToken cancellationToken = default)
        => portalUser.Access switch
        {
            ClientAccessLevel.Full => new ClientDocumentRights(clientId, ClientAccessLevel.Full, true, false, false, null),
            ClientAccessLevel.Contributor => new ClientDocumentRights(clientId, ClientAccessLevel.Contributor, true, false, false, await SharedWithAsync(portalUser.UserId, clientId, cancellationToken)),
            _ => ClientDocumentRights.None(clientId),
        };

    /// <summary>A contributor's shares: documents, and folders with everything below them.</summary>
    public Task<SharedItems> SharedWithAsync(Guid userId, Guid clientId, CancellationToken cancellationToken = default)
        => SharedWithAsync(userId, [clientId], cancellationToken);

    /// <summary>A contributor's shares among several clients (the clients of their portal), in one query (two with folders).</summary>
    public async Task<SharedItems> SharedWithAsync(Guid userId, IReadOnlyCollection<Guid> clientIds, CancellationToken cancellationToken = default)
    {
        var ids = clientIds.ToList();
        var shares = await db.Shares.AsNoTracking().Where(s => s.UserId == userId && ids.Contains(s.ClientId)).ToListAsync(cancellationToken);
        var sharedFolders = shares.Where(s => s.FolderId is not null).Select(s => s.FolderId!.Value).ToHashSet();
        if (sharedFolders.Count > 0)
        {
            var folderClients = shares.Where(s => s.FolderId is not null).Select(s => s.ClientId).Distinct().ToList();
            var folders = await db.Folders.AsNoTracking().Where(f => folderClients.Contains(f.ClientId) && f.DeletedAt == null).Select(f => new { f.Id, f.ParentId }).ToListAsync(cancellationToken);
            var children = folders.Where(f => f.ParentId is not null).ToLookup(f => f.ParentId!.Value, f => f.Id);
            var queue = new Queue<Guid>(sharedFolders);
            while (queue.Count > 0)
            {
                foreach (var child in children[queue.Dequeue()])
                {
                    if (sharedFolders.Add(child))
                    {
                        queue.Enqueue(child);
                    }
                }
            }
        }

        return new SharedItems(shares.Where(s => s.DocumentId is not null).Select(s => s.DocumentId!.Value).ToHashSet(), sharedFolders);
    }
}
