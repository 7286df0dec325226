namespace PortalSync.Api;

/// <summary>
/// GET /api/v1/whoami; <see cref="Kinds"/>: what the practice takes now (null from a portal that does not
/// say: everything); <see cref="UploadsBesideBatches"/>: whether files may upload while batches go (a
/// portal that does not say: no, they go after).
/// </summary>
internal sealed record WhoAmI(string? Practice, string? Subject, string? Name, IReadOnlyList<string>? Scopes, IReadOnlyList<string>? Kinds = null, bool UploadsBesideBatches = false);
