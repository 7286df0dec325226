namespace PortalSync.Api;

/// <summary>GET /api/v1/documents/new: client uploads the program has not downloaded yet.</summary>
internal sealed record NewDocuments(IReadOnlyList<NewDocument> Items);

internal sealed record NewDocument(
    string? ClientId,
    string? ClientExternalId,
    string? DocumentId,
    string VersionId,
    string FileName,
    string? Folder,
    long Length,
    string? Sha256,
    DateTimeOffset? UploadedAt,
    string? UploadedBy);

internal sealed record DownloadedRequest(IReadOnlyList<string> VersionIds);

internal sealed record DownloadedResult(int Marked);
