using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Data;
using Portal.Core.Errors;
using Portal.Core.Modules;
using Portal.Documents.Endpoints;
using Portal.Documents.Services;
using Portal.Sync.Api;
using Portal.Sync.Services;

namespace Portal.Sync.Endpoints;

/// <summary>
/// Documents both ways (docs/api.md, "Documents" and "Check for New Files"): metadata batches, their
/// content through Documents' own tus handlers at /api/v1/uploads, client uploads not yet fetched, their
/// content, and the program's "downloaded" marks.
/// </summary>
internal static class SyncDocumentsEndpoints
{
    public const string BatchName = "SyncDocumentsBatch";
    public const string NewName = "SyncNewDocuments";
    public const string ContentName = "SyncDocumentContent";
    public const string DownloadedName = "SyncDocumentsDownloaded";
    public const string UploadNamePrefix = "Sync";

    public static RouteGroupBuilder MapSyncDocumentsEndpoints(this RouteGroupBuilder api)
    {
        var documents = api.MapGroup("/documents").AsApiArea("Sync: documents").WithMetadata(new FeatureMetadata(Documents.Manifest.Feature));
        documents.MapPost("/batch", BatchAsync)
            .WithName(BatchName)
            .WithSummary("Announces documents by the program's external ids: unchanged, upload (send the content with tus), or trashed (tombstone).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        documents.MapGet("/new", NewAsync)
            .WithName(NewName)
            .WithSummary("Files clients uploaded that the program has not marked downloaded, oldest first.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        documents.MapGet("/versions/{versionId:guid}/content", ContentAsync)
            .WithName(ContentName)
            .WithSummary("Streams one version's content (it stays new for staff).")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        documents.MapPost("/downloaded", DownloadedAsync)
            .WithName(DownloadedName)
            .WithSummary("Marks versions downloaded by the program: they leave the new files.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        // Documents' tus handlers, a second time: under the bearer policy, acting as the approver (the group's filter), with uploads named by external id.
        api.MapGroup("/uploads")
            .DisableAntiforgery()
            .AsApiArea("Sync: uploads (tus)")
            .WithMetadata(new SyncUploadMetadata(), new FeatureMetadata(Documents.Manifest.Feature))
            .MapTusHandlers(UploadNamePrefix);
        return api;
    }

    public static async Task<Results<Ok<SyncBatchResult>, ProblemHttpResult>> BatchAsync(SyncBatch<DocumentItem> batch, PracticeBatches batches, HttpContext context)
        => SyncBatches.SizeError(batch) is { } error
            ? error.ToProblem()
            : TypedResults.Ok(await batches.RunAsync<DocumentSync, SyncBatchResult>(sync => sync.ApplyAsync(batch, context.User, context.RequestAborted), context.RequestAborted));

    public static async Task<Results<Ok<NewDocuments>, ProblemHttpResult>> NewAsync([FromQuery] int? limit, NewClientFiles files, CancellationToken cancellationToken)
        => limit is < 1 or > NewClientFiles.MaxLimit
            ? SyncItemErrors.LimitOutOfRange.ToProblem()
            : TypedResults.Ok(await files.ListAsync(limit ?? NewClientFiles.DefaultLimit, cancellationToken));

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ContentAsync(
        Guid versionId, HttpContext context, DocumentLibrary library, DocumentAccess access, DocumentDownloads downloads)
    {
        if (await library.FindVersionAsync(versionId, context.RequestAborted) is not { } file)
        {
            return DownloadErrors.FileNotFound.ToProblem();
        }

        var rights = await access.ForClientAsync(context.User, file.Document.ClientId, context.RequestAborted);
        if (!rights.CanSee(file.Document) || !file.Version.IsVisibleTo(staff: true))
        {
            return DownloadErrors.FileNotFound.ToProblem();
        }

        if (file.Version.DownloadRefusal() is { } refusal)
        {
            return refusal.ToProblem();
        }

        var outcome = await downloads.SendAsync(context, file.Document, file.Version, rights, marksDownloaded: false);
        return outcome == DownloadOutcome.Damaged && !context.Response.HasStarted
            ? DownloadErrors.Damaged.ToProblem()
            : TypedResults.Empty;
    }

    public static async Task<Results<Ok<MarkedDownloaded>, ProblemHttpResult>> DownloadedAsync(DownloadedVersions request, NewClientFiles files, CancellationToken cancellationToken)
        => request.VersionIds is not { Count: > 0 and <= DownloadedVersions.MaxVersions } ids
            ? SyncItemErrors.VersionsSize.ToProblem()
            : TypedResults.Ok(new MarkedDownloaded(await files.MarkAsync(ids, cancellationToken)));
}
