using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Errors;
using Portal.Sync.Api;
using Portal.Sync.Services;

namespace Portal.Sync.Endpoints;

/// <summary>GET /api/v1/changes: what happened in the portal for the program to take back, in order, after a cursor.</summary>
internal static class SyncChangesEndpoints
{
    public const string ChangesName = "SyncChanges";

    public static readonly PortalError CursorInvalid = new("cursor-invalid", ErrorKind.Invalid, "That cursor was not given by this portal: pass the \"next\" of the previous page as it is, or no cursor to start over.", "cursor");

    public static readonly PortalError LimitInvalid = new("limit-invalid", ErrorKind.Invalid, $"Ask for 1 to {ChangeFeedPage.MaxLimit} events.", "limit");

    public static RouteGroupBuilder MapSyncChangesEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/changes", ChangesAsync)
            .AsApiArea("Sync: changes")
            .WithName(ChangesName)
            .WithSummary("Client uploads, online payments, client messages and completed tasks, oldest first, after the cursor.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    public static async Task<Results<Ok<ChangeFeedPage>, ProblemHttpResult>> ChangesAsync(string? cursor, int? limit, ChangeFeed feed, HttpContext context)
    {
        if (!ChangeCursor.TryRead(cursor, out var after))
        {
            return CursorInvalid.ToProblem();
        }

        if (limit is < 1 or > ChangeFeedPage.MaxLimit)
        {
            return LimitInvalid.ToProblem();
        }

        return TypedResults.Ok(await feed.ReadAsync(after, limit ?? ChangeFeedPage.DefaultLimit, context.RequestAborted));
    }
}
