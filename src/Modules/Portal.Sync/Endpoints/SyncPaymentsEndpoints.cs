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

/// <summary>POST /api/v1/payments/batch: payments received outside the portal, recorded once each (docs/api.md, "Payments").</summary>
internal static class SyncPaymentsEndpoints
{
    public const string BatchName = "SyncPaymentsBatch";

    public static RouteGroupBuilder MapSyncPaymentsEndpoints(this RouteGroupBuilder api)
    {
        var payments = api.MapGroup("/payments").AsApiArea("Sync: payments").WithMetadata(new FeatureMetadata(Billing.Manifest.Feature));
        payments.MapPost("/batch", BatchAsync)
            .WithName(BatchName)
            .WithSummary("Records offline payments (allocated to their invoice) or removes them (tombstone) by the program's external ids.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    public static async Task<Results<Ok<SyncBatchResult>, ProblemHttpResult>> BatchAsync(SyncBatch<PaymentItem> batch, PracticeBatches batches, CancellationToken cancellationToken)
        => SyncBatches.SizeError(batch) is { } error
            ? error.ToProblem()
            : TypedResults.Ok(await batches.RunAsync<PaymentSync, SyncBatchResult>(sync => sync.ApplyAsync(batch, cancellationToken), cancellationToken));
}
