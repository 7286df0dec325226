namespace Portal.Sync.Api;

/// <summary>A document's metadata (docs/api.md, "Documents"): the content follows with tus when the answer says "upload".</summary>
public sealed record DocumentItem(
    string? ExternalId,
    bool Deleted,
    string? ClientExternalId,
    string? Folder,
    string? FileName,
    long? Length,
    string? Sha256) : ISyncItem;
