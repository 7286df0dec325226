using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Data;
using Portal.Core.Errors;
using Portal.Sync.Api;
using Portal.Sync.Services;

namespace Portal.Sync.Endpoints;

/// <summary>POST /api/v1/contacts/batch: clients and their portal users, keyed by the program's ids.</summary>
internal static class SyncContactsEndpoints
{
    public const string BatchName = "SyncContactsBatch";

    public static RouteGroupBuilder MapSyncContactsEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/contacts/batch", BatchAsync)
            .AsApiArea("Sync: contacts")
            .WithName(BatchName)
            .WithSummary("Creates, updates or archives clients and their portal users by external id; every item has its own result.")
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    public static async Task<Results<Ok<SyncBatchResult>, ProblemHttpResult>> BatchAsync(SyncBatch<ContactItem> batch, HttpContext context, PracticeBatches batches)
        => SyncBatches.SizeError(batch) is { } error
            ? error.ToProblem()
            : TypedResults.Ok(await batches.RunAsync<ContactSync, SyncBatchResult>(contacts => contacts.ApplyAsync(batch.Items!, context.RequestAborted), context.RequestAborted));
}
