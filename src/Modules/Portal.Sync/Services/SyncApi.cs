using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;
using Portal.Core.Tenancy;

namespace Portal.Sync.Services;

/// <summary>Who may call the sync API: a bearer token of this practice with the sync scope; never a cookie.</summary>
public static class SyncApi
{
    public const string Policy = "sync-api";

    public const string Scheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;

    public static void AddPolicy(AuthorizationOptions options) => options.AddPolicy(Policy, policy => policy
        .AddAuthenticationSchemes(Scheme)
        .RequireAuthenticatedUser()
        .RequireAssertion(context => context.Resource is HttpContext http && IsForThisPractice(context.User, http)));

    private static bool IsForThisPractice(System.Security.Claims.ClaimsPrincipal user, HttpContext http)
        => http.GetTenant() is { } practice
            && string.Equals(user.GetClaim(SyncClaims.Practice), practice.Name, StringComparison.Ordinal)
            && user.HasScope(SyncScopes.Sync);
}
