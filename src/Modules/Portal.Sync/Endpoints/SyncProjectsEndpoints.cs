using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Data;
using Portal.Core.Errors;
using Portal.Sync.Api;
using Portal.Sync.Services;

namespace Portal.Sync.Endpoints;

/// <summary>POST /api/v1/projects/batch: projects with their status, note and assignment notes, keyed by the program's ids.</summary>
internal static class SyncProjectsEndpoints
{
    public const string BatchName = "SyncProjectsBatch";

    public static RouteGroupBuilder MapSyncProjectsEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/projects/batch", BatchAsync)
            .AsApiArea("Sync: projects")
            .WithName(BatchName)
            .WithSummary("Creates or changes projects by external id, posts their statuses, notes and assignment notes; every item has its own result.")
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    public static async Task<Results<Ok<SyncBatchResult>, ProblemHttpResult>> BatchAsync(SyncBatch<ProjectItem> batch, HttpContext context, PracticeBatches batches)
        => SyncBatches.SizeError(batch) is { } error
            ? error.ToProblem()
            : TypedResults.Ok(await batches.RunAsync<ProjectSync, SyncBatchResult>(projects => projects.ApplyAsync(batch.Items!, context.User, context.RequestAborted), context.RequestAborted));
}
