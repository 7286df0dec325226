using Microsoft.AspNetCore.Http;

namespace Portal.Core.Contracts;

/// <summary>
/// A client's documents as other modules may point at them (implemented by the Documents module): an
/// invoice names its PDF among the client's documents, and its page links to the Documents download,
/// which makes the same access and scan checks as every other download.
/// </summary>
public interface IClientDocumentFiles
{
    /// <summary>The client's PDFs that the client's users can see (sent by the practice and released, or their own), newest first.</summary>
    Task<IReadOnlyList<ClientDocumentFile>> ListPdfsAsync(Guid clientId, CancellationToken cancellationToken = default);

    /// <summary>That document when it is one of <see cref="ListPdfsAsync"/>; null otherwise (another client's, in the trash, not a PDF).</summary>
    Task<ClientDocumentFile?> FindPdfAsync(Guid clientId, Guid documentId, CancellationToken cancellationToken = default);

    /// <summary>The address of the download of a version, under the request's practice.</summary>
    string? DownloadPath(HttpContext httpContext, Guid versionId);
}

/// <param name="VersionId">The newest version the client's users may see.</param>
public sealed record ClientDocumentFile(Guid DocumentId, string Name, Guid VersionId);
