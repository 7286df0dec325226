namespace Portal.Sync.Api;

/// <summary>"Check for New Files": client uploads the program has not marked downloaded, oldest first.</summary>
public sealed record NewDocuments(IReadOnlyList<NewDocument> Items);

public sealed record NewDocument(
    Guid ClientId,
    string? ClientExternalId,
    Guid DocumentId,
    Guid VersionId,
    string FileName,
    string? Folder,
    long Length,
    string Sha256,
    DateTime UploadedAt,
    string UploadedBy);

public sealed record DownloadedVersions(IReadOnlyList<Guid>? VersionIds)
{
    public const int MaxVersions = 1000;
}

public sealed record MarkedDownloaded(int Marked);
