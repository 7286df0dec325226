using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Documents.Services;
using Portal.Sync.Api;
using Portal.Sync.Data;

namespace Portal.Sync.Services;

/// <summary>
/// The sync API's uploads name a document by its external id only; the documents batch said where it
/// goes. This turns that into the file name, client and folder Documents' tus reads.
/// </summary>
public sealed class SyncUploadMetadata : ITusMetadataResolver
{
    public const string ExternalIdKey = "documentExternalId";

    public async Task<TusMetadataResolution> ResolveAsync(HttpContext context, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        if (!metadata.TryGetValue(ExternalIdKey, out var externalId) || string.IsNullOrWhiteSpace(externalId))
        {
            return TusMetadataResolution.Refused(SyncItemErrors.UploadExternalIdRequired);
        }

        externalId = externalId.Trim();
        var db = context.RequestServices.GetRequiredService<SyncDbContext>();
        var synced = await db.SyncedDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.ExternalId == externalId, cancellationToken);
        if (synced is null)
        {
            return TusMetadataResolution.Refused(SyncItemErrors.UploadNotAnnounced);
        }

        var resolved = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["filename"] = synced.FileName,
            ["clientId"] = synced.ClientId.ToString(),
        };
        if (synced.FolderId is { } folderId)
        {
            resolved["folderId"] = folderId.ToString();
        }

        return TusMetadataResolution.To(resolved);
    }
}
