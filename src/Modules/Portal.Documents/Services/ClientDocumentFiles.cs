using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Documents.Data;
using Portal.Documents.Endpoints;

namespace Portal.Documents.Services;

/// <summary>The Documents module's side of <see cref="IClientDocumentFiles"/>: reads its own tables for other modules.</summary>
internal sealed class ClientDocumentFiles(DocumentsDbContext db, LinkGenerator links) : IClientDocumentFiles
{
    private const int MaxListed = 200;

    public async Task<IReadOnlyList<ClientDocumentFile>> ListPdfsAsync(Guid clientId, CancellationToken cancellationToken = default)
        => await db.Documents.AsNoTracking()
            .Where(d => d.ClientId == clientId && d.DeletedAt == null && d.ClientVersionId != null && d.NormalizedName.EndsWith(".pdf"))
            .OrderByDescending(d => d.UpdatedAt)
            .Take(MaxListed)
            .Select(d => new ClientDocumentFile(d.Id, d.Name, d.ClientVersionId!.Value))
            .ToListAsync(cancellationToken);

    public async Task<ClientDocumentFile?> FindPdfAsync(Guid clientId, Guid documentId, CancellationToken cancellationToken = default)
        => await db.Documents.AsNoTracking()
            .Where(d => d.Id == documentId && d.ClientId == clientId && d.DeletedAt == null && d.ClientVersionId != null && d.NormalizedName.EndsWith(".pdf"))
            .Select(d => new ClientDocumentFile(d.Id, d.Name, d.ClientVersionId!.Value))
            .FirstOrDefaultAsync(cancellationToken);

    public string? DownloadPath(HttpContext httpContext, Guid versionId)
        => links.GetPathByName(httpContext, DownloadEndpoints.DownloadVersionName, new { versionId });
}
