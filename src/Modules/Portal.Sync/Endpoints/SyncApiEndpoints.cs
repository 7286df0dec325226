using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Sync.Api;
using Portal.Sync.Models;
using Portal.Sync.Services;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Sync.Endpoints;

/// <summary>
/// The sync API's group (/api/v1): bearer tokens only, of this practice, with the sync scope; every call
/// notes the connection's use and then acts as the staff member who approved it (<see cref="ActAsApproverFilter"/>).
/// </summary>
internal static class SyncApiEndpoints
{
    public const string GroupRoute = "/api/v1";
    public const string WhoAmIName = "SyncWhoAmI";

    public static IEndpointRouteBuilder MapSyncApiEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(GroupRoute)
            .RequireAuthorization(SyncApi.Policy)
            .AddEndpointFilter(NoteUseAsync)
            .AddEndpointFilter<RouteGroupBuilder, ActAsApproverFilter>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/whoami", WhoAmI)
            .WithName(WhoAmIName)
            .WithSummary("Who the token acts as: the practice, the staff member who approved it, its scopes, and the kinds of data the practice takes now.");
        api.MapSyncContactsEndpoints();
        api.MapSyncProjectsEndpoints();
        api.MapSyncChangesEndpoints();
        api.MapSyncInvoicesEndpoints();
        api.MapSyncPaymentsEndpoints();
        api.MapSyncDocumentsEndpoints();
        return endpoints;
    }

    public static Ok<WhoAmI> WhoAmI(HttpContext context, IOptions<DatabaseOptions> database)
    {
        // The request's user is the approver by now; what the token itself says is kept aside.
        var user = context.Features.GetRequiredFeature<SyncToken>().Principal;
        var practice = context.GetTenant()!;
        return TypedResults.Ok(new WhoAmI(
            practice.Name,
            user.GetClaim(Claims.Subject) ?? "",
            user.GetClaim(Claims.Name) ?? "",
            user.GetScopes().ToList(),
            SyncKinds.Of(practice),
            database.Value.Provider == DatabaseProvider.Postgres));
    }

    /// <summary>Every call through the API is a use of its connection (shown on Connected apps).</summary>
    private static async ValueTask<object?> NoteUseAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        if (Guid.TryParse(context.User.GetAuthorizationId(), out var authorizationId))
        {
            await context.RequestServices.GetRequiredService<ConnectedApps>()
                .TouchAsync(authorizationId, context.Connection.RemoteIpAddress?.ToString(), context.RequestAborted);
        }

        return await next(invocation);
    }
}
