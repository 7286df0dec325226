using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Portal.Sync.Services;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Sync.Endpoints;

/// <summary>
/// The token endpoint, after OpenIddict has checked the client, the code or refresh token, PKCE and
/// the redirect: issues the next tokens for the same principal and notes the connection's use.
/// </summary>
internal static class SyncTokenEndpoints
{
    public const string ExchangeName = "SyncTokenExchange";

    /// <summary>When a refused refresh ended a connection, for the audit trail.</summary>
    public const string AtRefresh = "a refresh";

    public static IEndpointRouteBuilder MapSyncTokenEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/" + SyncServer.TokenPath, ExchangeAsync)
            .WithName(ExchangeName)
            .WithSummary("OAuth 2.0 token endpoint (authorization code with PKCE, device code, refresh token).")
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();
        return endpoints;
    }

    public static async Task<IResult> ExchangeAsync(HttpContext context, ConnectedApps connections, SyncApprover approvers)
    {
        var request = context.GetOpenIddictServerRequest();
        if (request is null || !(request.IsAuthorizationCodeGrantType() || request.IsDeviceCodeGrantType() || request.IsRefreshTokenGrantType()))
        {
            return Refuse(Errors.UnsupportedGrantType, "Only the authorization code, device code and refresh token grants are supported.");
        }

        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (result.Principal is not { } principal)
        {
            return Refuse(Errors.InvalidGrant, "The code or refresh token is no longer valid.");
        }

        // OpenIddict ties a redeemed device code's tokens to an authorization of its own: tie them to the
        // connection the person approved instead, so Connected apps lists and revokes them.
        if (request.IsDeviceCodeGrantType() && principal.GetClaim(SyncClaims.Connection) is { Length: > 0 } connection)
        {
            principal.SetAuthorizationId(connection);
        }

        // The approver must still be staff who may sign in and may connect programs: a disabled or removed
        // member's connections, or theirs once the Sync permission is taken from them, end at the program's
        // next refresh (and are revoked, so Connected apps shows them ended), as at its next API call.
        var (_, refusal) = await approvers.CheckAsync(principal);
        if (refusal is not null)
        {
            await approvers.EndConnectionAsync(principal, AtRefresh, refusal, context.RequestAborted);
            return Refuse(Errors.InvalidGrant, refusal.Message);
        }

        if (Guid.TryParse(principal.GetAuthorizationId(), out var authorizationId))
        {
            await connections.TouchAsync(authorizationId, context.Connection.RemoteIpAddress?.ToString(), context.RequestAborted);
        }

        return Results.SignIn(SyncPrincipal.WithDestinations(principal), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
