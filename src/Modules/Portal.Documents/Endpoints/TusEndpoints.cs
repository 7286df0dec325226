using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Portal.Core.Errors;
using Portal.Documents.Services;

namespace Portal.Documents.Endpoints;

/// <summary>
/// tus 1.0.0 at /uploads (https://tus.io/protocols/resumable-upload): the browser uploader and any tus client.
/// The same handlers serve another group too (the sync API's /api/v1/uploads, with its own authorization):
/// <see cref="MapTusHandlers"/>, with an <see cref="ITusMetadataResolver"/> on that group turning its
/// metadata into the file name, client and folder an upload needs. A creation may carry the first
/// bytes (tus creation-with-upload): a small file is then one request instead of two.
/// </summary>
public static class TusEndpoints
{
    public const string GroupRoute = "/uploads";
    public const string DiscoverName = "DiscoverUploads";
    public const string CreateName = "CreateUpload";
    public const string OffsetName = "GetUploadOffset";
    public const string AppendName = "AppendToUpload";
    public const string TerminateName = "TerminateUpload";

    private const string UploadRoute = "/{id:guid}";

    public static IEndpointRouteBuilder MapTusEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // The upload itself is authorised by session and by who created it; a cross-site page cannot
        // set the tus headers without a CORS preflight, which the portal never grants.
        var tus = endpoints.MapGroup(GroupRoute).RequireAuthorization().DisableAntiforgery().AsApiArea("Uploads (tus)");
        tus.MapTusHandlers();
        return endpoints;
    }

    /// <summary>The tus handlers on a group that brings its own authorization; <paramref name="namePrefix"/> keeps endpoint names unique.</summary>
    public static RouteGroupBuilder MapTusHandlers(this RouteGroupBuilder tus, string namePrefix = "")
    {
        tus.MapMethods("", [HttpMethods.Options], Discover).WithName(namePrefix + DiscoverName)
            .WithSummary("tus discovery: the version, extensions, checksum algorithm and largest file the portal takes.");
        tus.MapPost("", CreateAsync).WithName(namePrefix + CreateName)
            .WithSummary("Creates an upload (Upload-Length, Upload-Metadata: filename, clientId, folderId?, batchId?, requestItemId?); "
                + "with Content-Type application/offset+octet-stream the body is its first bytes, as a PATCH at offset 0 (Upload-Checksum too).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        tus.MapMethods(UploadRoute, [HttpMethods.Head], HeadAsync).WithName(namePrefix + OffsetName)
            .WithSummary("The upload's durable offset, to resume from.")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status410Gone);
        tus.MapPatch(UploadRoute, PatchAsync).WithName(namePrefix + AppendName)
            .WithSummary("Appends bytes at Upload-Offset (optionally checked with Upload-Checksum: sha256).")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(PortalErrorProblems.ChecksumMismatchStatus);
        tus.MapDelete(UploadRoute, DeleteAsync).WithName(namePrefix + TerminateName)
            .WithSummary("Abandons an upload in progress and deletes what was staged.");
        return tus;
    }

    public static NoContent Discover(HttpContext context, IOptions<DocumentOptions> options)
    {
        Headers(context.Response);
        context.Response.Headers["Tus-Version"] = TusUploads.Version;
        context.Response.Headers["Tus-Extension"] = "creation,creation-with-upload,expiration,checksum,termination";
        context.Response.Headers["Tus-Checksum-Algorithm"] = "sha256";
        context.Response.Headers["Tus-Max-Size"] = options.Value.MaxFileSize.ToString(CultureInfo.InvariantCulture);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Created, ProblemHttpResult>> CreateAsync(HttpContext context, TusUploads uploads)
    {
        if (Precondition(context) is { } failed)
        {
            return failed;
        }

        string? metadata = context.Request.Headers["Upload-Metadata"];
        if (context.GetEndpoint()?.Metadata.GetMetadata<ITusMetadataResolver>() is { } resolver)
        {
            if (TusMetadata.Parse(metadata) is not { } given)
            {
                return UploadErrors.MetadataMalformed.ToProblem();
            }

            var resolved = await resolver.ResolveAsync(context, given, context.RequestAborted);
            if (resolved.Error is { } refused)
            {
                return refused.ToProblem();
            }

            metadata = TusMetadata.Format(resolved.Metadata!);
        }

        var length = long.TryParse(context.Request.Headers["Upload-Length"], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : (long?)null;
        var result = await uploads.CreateAsync(context.User, length, metadata, context.RequestAborted);

        // The upload's address under whichever group this request came through.
        var address = $"{context.Request.PathBase}{context.Request.Path.Value?.TrimEnd('/')}/{result.CreatedId}";
        if (result.CreatedId is not { } id || !CarriesBytes(context))
        {
            return Respond(context, result, () => TypedResults.Created(address));
        }

        var first = await AppendAsync(id, context, uploads);
        if (first.Error is null || first.UploadOffset is not null)
        {
            // Taken, or not taken but resumable (a damaged chunk): the client is told where the upload
            // stands and goes on with PATCH.
            return Respond(context, first with { Error = null }, () => TypedResults.Created(address));
        }

        // Refused (the file's type, bytes past its length, a malformed checksum): the refusal is the
        // answer, and the upload the client never learns the address of is not left holding its quota.
        await uploads.DeleteAsync(context.User, id, CancellationToken.None);
        return Respond(context, first, () => TypedResults.Created(address));
    }

    /// <summary>tus creation-with-upload: a body typed as a PATCH's, and a body at all.</summary>
    private static bool CarriesBytes(HttpContext context)
        => string.Equals(context.Request.ContentType, TusUploads.BytesContentType, StringComparison.OrdinalIgnoreCase)
            && context.Features.Get<IHttpRequestBodyDetectionFeature>() is not { CanHaveBody: false }
            && context.Request.ContentLength is not 0;

    public static async Task<Results<Ok, ProblemHttpResult>> HeadAsync(Guid id, HttpContext context, TusUploads uploads)
    {
        if (Precondition(context) is { } failed)
        {
            return failed;
        }

        return Respond(context, await uploads.HeadAsync(context.User, id, context.RequestAborted), TypedResults.Ok);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> PatchAsync(Guid id, HttpContext context, TusUploads uploads)
    {
        if (Precondition(context) is { } failed)
        {
            return failed;
        }

        var request = context.Request;
        var offset = long.TryParse(request.Headers["Upload-Offset"], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : (long?)null;
        return Respond(context, await AppendAsync(id, context, uploads, offset), TypedResults.NoContent);
    }

    /// <summary>The request's body appended at <paramref name="offset"/> (a creation's body goes at 0).</summary>
    private static Task<TusResult> AppendAsync(Guid id, HttpContext context, TusUploads uploads, long? offset = 0)
    {
        // A request carries up to the rest of the upload (tus has no chunk limit): the server's
        // default 30 MB body cap does not apply; TusUploads refuses bytes past Upload-Length and
        // checksummed chunks over its own limit, both with 413 and a message.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        var request = context.Request;
        var checksum = request.Headers["Upload-Checksum"].ToString();
        return uploads.PatchAsync(context.User, id, request.ContentType, offset, checksum.Length == 0 ? null : checksum, request.Body, request.ContentLength, context.RequestAborted);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, HttpContext context, TusUploads uploads)
    {
        if (Precondition(context) is { } failed)
        {
            return failed;
        }

        return Respond(context, await uploads.DeleteAsync(context.User, id, context.RequestAborted), TypedResults.NoContent);
    }

    private static void Headers(HttpResponse response)
    {
        response.Headers["Tus-Resumable"] = TusUploads.Version;
        response.Headers.CacheControl = "no-store";
    }

    /// <summary>Every request but OPTIONS must speak tus 1.0.0 (412 otherwise, with the version we speak).</summary>
    private static ProblemHttpResult? Precondition(HttpContext context)
    {
        Headers(context.Response);
        if (context.Request.Headers["Tus-Resumable"] == TusUploads.Version)
        {
            return null;
        }

        context.Response.Headers["Tus-Version"] = TusUploads.Version;
        return UploadErrors.TusVersionRequired.ToProblem();
    }

    /// <summary>The tus headers of a result (also on errors that say where to resume), then its problem or the handler's success.</summary>
    private static Results<TSuccess, ProblemHttpResult> Respond<TSuccess>(HttpContext context, TusResult result, Func<TSuccess> success)
        where TSuccess : IResult
    {
        var headers = context.Response.Headers;
        if (result.UploadOffset is { } offset)
        {
            headers["Upload-Offset"] = offset.ToString(CultureInfo.InvariantCulture);
        }

        if (result.UploadLength is { } length)
        {
            headers["Upload-Length"] = length.ToString(CultureInfo.InvariantCulture);
        }

        if (result.ExpiresAt is { } expires)
        {
            headers["Upload-Expires"] = expires.ToString("R", CultureInfo.InvariantCulture);
        }

        if (result.VersionId is { } version)
        {
            headers["Portal-Document-Version"] = version.ToString();
        }

        if (result.Outcome is { } outcome)
        {
            // The uploader tells the person what their file became: "new", "version 3", or "unchanged 2".
            headers["Portal-Upload-Outcome"] = outcome.Outcome switch
            {
                VersionOutcome.NewVersion => $"version {outcome.Version.Number.ToString(CultureInfo.InvariantCulture)}",
                VersionOutcome.Unchanged => $"unchanged {outcome.Version.Number.ToString(CultureInfo.InvariantCulture)}",
                _ => "new",
            };
        }

        return result.Error is { } error ? error.ToProblem() : success();
    }
}
