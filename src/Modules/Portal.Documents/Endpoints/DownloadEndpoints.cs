using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Contracts;
using Portal.Core.Navigation;
using Portal.Documents.Models;
using Portal.Documents.Services;

namespace Portal.Documents.Endpoints;

/// <summary>File downloads (one, or several as a zip) and "this batch is complete", for staff and client users alike.</summary>
public static class DownloadEndpoints
{
    private const string NothingChosen = "Choose at least one document to download: tick the boxes beside the files you want.";

    public static void MapDownloadEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var documents = endpoints.MapGroup("/documents").RequireAuthorization();

        documents.MapGet("/versions/{versionId:guid}/download", async (Guid versionId, HttpContext context, DocumentLibrary library, DocumentAccess access, DocumentDownloads downloads) =>
        {
            var found = await library.FindVersionAsync(versionId, context.RequestAborted);
            if (found is not { } file)
            {
                return Results.NotFound();
            }

            var rights = await access.ForClientAsync(context.User, file.Document.ClientId, context.RequestAborted);
            if (!rights.CanSee(file.Document) || !file.Version.IsVisibleTo(rights.IsStaff))
            {
                return Results.NotFound();
            }

            if (file.Version.DownloadRefusal() is { } refusal)
            {
                return Results.Problem(refusal, statusCode: file.Version.ScanState == ScanState.Pending ? StatusCodes.Status409Conflict : StatusCodes.Status403Forbidden, title: "This file cannot be downloaded");
            }

            var outcome = await downloads.SendAsync(context, file.Document, file.Version, rights);
            return outcome == DownloadOutcome.Damaged && !context.Response.HasStarted
                ? Results.Problem("This file failed its integrity check and was not sent. The practice has been told; please contact them.", statusCode: StatusCodes.Status500InternalServerError, title: "The file is damaged")
                : Results.Empty;
        });

        documents.MapPost("/{clientId:guid}/zip", async (Guid clientId, [FromForm] ZipRequest form, HttpContext context, DocumentLibrary library, DocumentAccess access, DocumentDownloads downloads, IClientDirectory clients, ITempDataDictionaryFactory tempData) =>
        {
            var rights = await access.ForClientAsync(context.User, clientId, context.RequestAborted);
            if (!rights.CanView)
            {
                return Results.NotFound();
            }

            var chosen = (form.Documents ?? []).Distinct().Take(500).ToList();
            var files = (await library.CurrentVersionsAsync(clientId, chosen, rights.IsStaff, context.RequestAborted)).Where(f => rights.CanSee(f.Document)).ToList();

            if (files.Count == 0)
            {
                // Back to the list the form came from, which says what to do; a bare 400 tells a person nothing.
                if (ReturnUrl.LocalOrNull(form.ReturnUrl) is { } back)
                {
                    var notices = tempData.GetTempData(context);
                    notices["Error"] = NothingChosen;
                    notices.Save(); // Razor Pages save TempData after a page; an endpoint must do it itself
                    return Results.LocalRedirect(back);
                }

                return Results.BadRequest(NothingChosen);
            }

            var client = await clients.FindAsync(clientId, context.RequestAborted);
            await downloads.SendZipAsync(context, $"{FileNames.Clean(client?.Name ?? "documents")} documents.zip", files, rights);
            return Results.Empty;
        });

        documents.MapPost("/{clientId:guid}/batches/{batchId:guid}/complete", async (Guid clientId, Guid batchId, HttpContext context, DocumentAccess access, DocumentNotifications notifications, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }

            var rights = await access.ForClientAsync(context.User, clientId, context.RequestAborted);
            if (!rights.CanView)
            {
                return Results.NotFound();
            }

            var announced = await notifications.BatchCompleteAsync(clientId, batchId, context.RequestAborted);
            return Results.Ok(new { announced });
        });
    }
}

public sealed class ZipRequest
{
    public List<Guid>? Documents { get; set; }

    /// <summary>The page the form was on (path and query), to go back to when nothing was chosen.</summary>
    public string? ReturnUrl { get; set; }
}
