using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Portal.Documents.Services;

namespace Portal.Documents.Endpoints;

/// <summary>tus 1.0.0 at /uploads (https://tus.io/protocols/resumable-upload): the browser uploader and any tus client.</summary>
public static class TusEndpoints
{
    public static void MapTusEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var tus = endpoints.MapGroup("/uploads").RequireAuthorization().DisableAntiforgery();

        // The upload itself is authorised by session and by who created it; a cross-site page cannot
        // set the tus headers without a CORS preflight, which the portal never grants.
        tus.MapMethods("", ["OPTIONS"], (HttpContext context, IOptions<DocumentOptions> options) =>
        {
            Headers(context.Response);
            context.Response.Headers["Tus-Version"] = TusUploads.Version;
            context.Response.Headers["Tus-Extension"] = "creation,expiration,checksum,termination";
            context.Response.Headers["Tus-Checksum-Algorithm"] = "sha256";
            context.Response.Headers["Tus-Max-Size"] = options.Value.MaxFileSize.ToString(CultureInfo.InvariantCulture);
            return Results.NoContent();
        });

        tus.MapPost("", async (HttpContext context, TusUploads uploads) =>
        {
            if (Precondition(context) is { } failed)
            {
                return failed;
            }

            var length = long.TryParse(context.Request.Headers["Upload-Length"], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : (long?)null;
            var result = await uploads.CreateAsync(context.User, length, context.Request.Headers["Upload-Metadata"], context.RequestAborted);
            return Respond(context, result);
        });

        tus.MapMethods("/{id:guid}", ["HEAD"], async (Guid id, HttpContext context, TusUploads uploads) =>
        {
            if (Precondition(context) is { } failed)
            {
                return failed;
            }

            return Respond(context, await uploads.HeadAsync(context.User, id, context.RequestAborted));
        });

        tus.MapPatch("/{id:guid}", async (Guid id, HttpContext context, TusUploads uploads) =>
        {
            if (Precondition(context) is { } failed)
            {
                return failed;
            }

            // A PATCH carries up to the rest of the upload (tus has no chunk limit): the server's
            // default 30 MB body cap does not apply; TusUploads refuses bytes past Upload-Length and
            // checksummed chunks over its own limit, both with 413 and a message.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = null;
            }

            var request = context.Request;
            var offset = long.TryParse(request.Headers["Upload-Offset"], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : (long?)null;
            var checksum = request.Headers["Upload-Checksum"].ToString();
            var result = await uploads.PatchAsync(context.User, id, request.ContentType, offset, checksum.Length == 0 ? null : checksum, request.Body, request.ContentLength, context.RequestAborted);
            return Respond(context, result);
        });

        tus.MapDelete("/{id:guid}", async (Guid id, HttpContext context, TusUploads uploads) =>
        {
            if (Precondition(context) is { } failed)
            {
                return failed;
            }

            return Respond(context, await uploads.DeleteAsync(context.User, id, context.RequestAborted));
        });
    }

    private static void Headers(HttpResponse response)
    {
        response.Headers["Tus-Resumable"] = TusUploads.Version;
        response.Headers.CacheControl = "no-store";
    }

    /// <summary>Every request but OPTIONS must speak tus 1.0.0 (412 otherwise, with the version we speak).</summary>
    private static IResult? Precondition(HttpContext context)
    {
        Headers(context.Response);
        if (context.Request.Headers["Tus-Resumable"] == TusUploads.Version)
        {
            return null;
        }

        context.Response.Headers["Tus-Version"] = TusUploads.Version;
        return Results.Text("This endpoint speaks tus 1.0.0: send Tus-Resumable: 1.0.0.", statusCode: StatusCodes.Status412PreconditionFailed);
    }

    private static IResult Respond(HttpContext context, TusResult result)
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

        if (result.CreatedId is { } id)
        {
            return Results.Created($"{context.Request.PathBase}/uploads/{id}", null);
        }

        return result.Message is null
            ? Results.StatusCode(result.Status)
            : Results.Text(result.Message, "text/plain; charset=utf-8", statusCode: result.Status);
    }
}
