using Microsoft.EntityFrameworkCore;
using Portal.Core.Events;
using Portal.Documents.Data;
using Portal.Sync.Api;

namespace Portal.Sync.Services;

/// <summary>A client's upload enters the change feed ("Check for New Files"); staff's and the program's do not.</summary>
internal sealed class FeedOnDocumentUploaded(DocumentsDbContext documents, ChangeFeedWriter feed) : IDomainEventHandler<DocumentUploaded>
{
    /// <summary>Clients' uploads only (the registration's filter too).</summary>
    public static bool Takes(DocumentUploaded domainEvent) => domainEvent.FromClient;

    public async Task HandleAsync(DocumentUploaded domainEvent, DomainEventContext context, CancellationToken cancellationToken)
    {
        if (!Takes(domainEvent))
        {
            return;
        }

        var file = await (from v in documents.Versions.AsNoTracking()
                          join d in documents.Documents on v.DocumentId equals d.Id
                          where v.Id == domainEvent.VersionId
                          select new { d.Name, d.FolderId, v.Size, v.Sha256 }).SingleOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            // Gone before the feed heard of it (deleted at once): nothing left to download.
            return;
        }

        await feed.AppendAsync(context, ChangeKinds.DocumentUploaded, domainEvent.ClientId, new ChangedDocument(
            domainEvent.DocumentId, domainEvent.VersionId, file.Name, await FolderPathAsync(file.FolderId, cancellationToken), file.Size, file.Sha256), cancellationToken);
    }

    /// <summary>The folder as names from the client's root ("2025/Tax return"); null at the root.</summary>
    private async Task<string?> FolderPathAsync(Guid? folderId, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        while (folderId is { } id && names.Count < 32)
        {
            var folder = await documents.Folders.AsNoTracking().Where(f => f.Id == id).Select(f => new { f.Name, f.ParentId }).SingleOrDefaultAsync(cancellationToken);
            if (folder is null)
            {
                break;
            }

            names.Insert(0, folder.Name);
            folderId = folder.ParentId;
        }

        return names.Count == 0 ? null : string.Join('/', names);
    }
}
