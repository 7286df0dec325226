using Microsoft.AspNetCore.Http;
using Portal.Core.Errors;

namespace Portal.Documents.Services;

/// <summary>
/// Put on a group of tus handlers (as endpoint metadata) whose callers name an upload by something
/// else than the file name, client and folder (the sync API names a document by its external id): it
/// turns their metadata into the metadata <see cref="TusUploads"/> reads, or refuses it.
/// </summary>
public interface ITusMetadataResolver
{
    Task<TusMetadataResolution> ResolveAsync(HttpContext context, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken);
}

public sealed record TusMetadataResolution(IReadOnlyDictionary<string, string>? Metadata, PortalError? Error)
{
    public static TusMetadataResolution To(IReadOnlyDictionary<string, string> metadata) => new(metadata, null);

    public static TusMetadataResolution Refused(PortalError error) => new(null, error);
}
