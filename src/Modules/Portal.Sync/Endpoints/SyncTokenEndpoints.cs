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

    public static IEndpointRouteBuilder MapSyncTokenEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/" + SyncServer.TokenPath, ExchangeAsync)
            .WithName(ExchangeName)
            .WithSummary("OAuth 2.0 token endpoint (authorization code with PKCE, refresh token).")
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();
        return endpoints;
    }

    public static async Task<IResult> ExchangeAsync(HttpContext context, ConnectedApps connections)
    {
        var request = context.GetOpenIddictServerRequest();
        if (request is null || !(request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType()))
        {
            return Refuse(Errors.UnsupportedGrantType, "Only the authorization code and refresh token grants are supported.");
        }

        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (result.Principal is not { } principal)
        {
            return Refuse(Errors.InvalidGrant, "The code or refresh token is no longer valid.");
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
