using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Data;
using Portal.Core.Errors;
using Portal.Core.Modules;
using Portal.Sync.Api;
using Portal.Sync.Services;

namespace Portal.Sync.Endpoints;

/// <summary>POST /api/v1/invoices/batch: the program's invoices, upserted by external id (docs/api.md, "Invoices").</summary>
internal static class SyncInvoicesEndpoints
{
    public const string BatchName = "SyncInvoicesBatch";

    public static RouteGroupBuilder MapSyncInvoicesEndpoints(this RouteGroupBuilder api)
    {
        var invoices = api.MapGroup("/invoices").AsApiArea("Sync: invoices").WithMetadata(new FeatureMetadata(Billing.Manifest.Feature));
        invoices.MapPost("/batch", BatchAsync)
            .WithName(BatchName)
            .WithSummary("Creates, updates or voids (tombstone) invoices by the program's external ids; one result per item.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    public static async Task<Results<Ok<SyncBatchResult>, ProblemHttpResult>> BatchAsync(SyncBatch<InvoiceItem> batch, PracticeBatches batches, CancellationToken cancellationToken)
        => SyncBatches.SizeError(batch) is { } error
            ? error.ToProblem()
            : TypedResults.Ok(await batches.RunAsync<InvoiceSync, SyncBatchResult>(sync => sync.ApplyAsync(batch, cancellationToken), cancellationToken));
}
