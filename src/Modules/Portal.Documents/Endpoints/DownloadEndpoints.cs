using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Contracts;
using Portal.Core.Errors;
using Portal.Core.Navigation;
using Portal.Documents.Services;

namespace Portal.Documents.Endpoints;

/// <summary>File downloads (one, or several as a zip) and "this batch is complete", for staff and client users alike.</summary>
internal static class DownloadEndpoints
{
    public const string GroupRoute = "/documents";
    public const string DownloadVersionName = "DownloadDocumentVersion";
    public const string DownloadZipName = "DownloadDocumentsZip";
    public const string CompleteBatchName = "CompleteUploadBatch";

    public static IEndpointRouteBuilder MapDownloadEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var documents = endpoints.MapGroup(GroupRoute).RequireAuthorization().AsApiArea("Documents");

        documents.MapGet("/versions/{versionId:guid}/download", DownloadVersionAsync)
            .WithName(DownloadVersionName)
            .WithSummary("Streams one version of a document (released versions only).")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        documents.MapPost("/{clientId:guid}/zip", DownloadZipAsync)
            .WithName(DownloadZipName)
            .WithSummary("Streams the chosen documents' current versions as one zip, written on the fly.")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        documents.MapPost("/{clientId:guid}/batches/{batchId:guid}/complete", CompleteBatchAsync)
            .WithName(CompleteBatchName)
            .WithSummary("Says a batch of uploads is finished, so its notice goes out now rather than after the quiet period.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        return endpoints;
    }

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> DownloadVersionAsync(
        Guid versionId, HttpContext context, DocumentLibrary library, DocumentAccess access, DocumentDownloads downloads)
    {
        if (await library.FindVersionAsync(versionId, context.RequestAborted) is not { } file)
        {
            return DownloadErrors.FileNotFound.ToProblem();
        }

        var rights = await access.ForClientAsync(context.User, file.Document.ClientId, context.RequestAborted);
        if (!rights.CanSee(file.Document) || !file.Version.IsVisibleTo(rights.IsStaff))
        {
            return DownloadErrors.FileNotFound.ToProblem();
        }

        if (file.Version.DownloadRefusal() is { } refusal)
        {
            return refusal.ToProblem();
        }

        var outcome = await downloads.SendAsync(context, file.Document, file.Version, rights);
        return outcome == DownloadOutcome.Damaged && !context.Response.HasStarted
            ? DownloadErrors.Damaged.ToProblem()
            : TypedResults.Empty;
    }

    public static async Task<Results<EmptyHttpResult, RedirectHttpResult, ProblemHttpResult>> DownloadZipAsync(
        Guid clientId, [FromForm] ZipRequest form, HttpContext context, DocumentLibrary library, DocumentAccess access,
        DocumentDownloads downloads, IClientDirectory clients, ITempDataDictionaryFactory tempData)
    {
        var rights = await access.ForClientAsync(context.User, clientId, context.RequestAborted);
        if (!rights.CanView)
        {
            return DownloadErrors.ClientNotFound.ToProblem();
        }

        var chosen = (form.Documents ?? []).Distinct().Take(500).ToList();
        var files = (await library.CurrentVersionsAsync(clientId, chosen, rights.IsStaff, context.RequestAborted)).Where(f => rights.CanSee(f.Document)).ToList();
        if (files.Count == 0)
        {
            // Back to the list the form came from, which says what to do; a bare 400 tells a person nothing.
            if (ReturnUrl.LocalOrNull(form.ReturnUrl) is { } back)
            {
                var notices = tempData.GetTempData(context);
                notices[TempDataKeys.Error] = DownloadErrors.NothingChosen.Message;
                notices.Save(); // Razor Pages save TempData after a page; an endpoint must do it itself
                return TypedResults.LocalRedirect(back);
            }

            return DownloadErrors.NothingChosen.ToProblem();
        }

        var client = await clients.FindAsync(clientId, context.RequestAborted);
        await downloads.SendZipAsync(context, $"{FileNames.Clean(client?.Name ?? "documents")} documents.zip", files, rights);
        return TypedResults.Empty;
    }

    public static async Task<Results<Ok<BatchCompleted>, ProblemHttpResult>> CompleteBatchAsync(
        Guid clientId, Guid batchId, HttpContext context, DocumentAccess access, DocumentNotifications notifications, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return DownloadErrors.AntiforgeryInvalid.ToProblem();
        }

        var rights = await access.ForClientAsync(context.User, clientId, context.RequestAborted);
        if (!rights.CanView)
        {
            return DownloadErrors.ClientNotFound.ToProblem();
        }

        return TypedResults.Ok(new BatchCompleted(await notifications.BatchCompleteAsync(clientId, batchId, context.RequestAborted)));
    }
}

/// <summary>How many e-mails "this batch is complete" sent (0 when its files are still being scanned).</summary>
internal sealed record BatchCompleted(int Announced);

internal sealed class ZipRequest
{
    public List<Guid>? Documents { get; set; }

    /// <summary>The page the form was on (path and query), to go back to when nothing was chosen.</summary>
    public string? ReturnUrl { get; set; }
}
