using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Tenancy;
using Portal.Sync.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Sync.Services;

/// <summary>
/// OpenIddict, per practice: its stores are the practice's <see cref="SyncDbContext"/>, its issuer is
/// the address of the request (the practice's host or prefix), and its tokens are reference tokens
/// whose payloads are protected with the practice's key purpose.
/// </summary>
internal static class SyncServer
{
    public const string AuthorizationPath = "admin/connect/authorize";
    public const string TokenPath = "connect/token";
    public const string RevocationPath = "connect/revoke";

    public static readonly TimeSpan AuthorizationCodeLifetime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(30);

    /// <summary>Absolute: a refreshed token does not extend it (sliding expiration is off).</summary>
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(90);

    public static IServiceCollection AddSyncServer(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddOpenIddict()
            .AddCore(core =>
            {
                core.UseEntityFrameworkCore()
                    .UseDbContext<SyncDbContext>()
                    .ReplaceDefaultEntities<Guid>();
                core.ReplaceApplicationManager(typeof(LoopbackApplicationManager<>));
            })
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris(AuthorizationPath)
                    .SetTokenEndpointUris(TokenPath)
                    .SetRevocationEndpointUris(RevocationPath);
                server.AllowAuthorizationCodeFlow()
                    .AllowRefreshTokenFlow()
                    .RequireProofKeyForCodeExchange();
                server.RegisterScopes(SyncScopes.Sync, SyncScopes.OfflineAccess);
                server.SetAuthorizationCodeLifetime(AuthorizationCodeLifetime)
                    .SetAccessTokenLifetime(AccessTokenLifetime)
                    .SetRefreshTokenLifetime(RefreshTokenLifetime)
                    .DisableSlidingRefreshTokenExpiration();

                // Rolling refresh tokens (OpenIddict's default) with no grace period: presenting a
                // refresh token a second time revokes the authorization and every token issued under it.
                server.SetRefreshTokenReuseLeeway(TimeSpan.Zero);
                server.UseReferenceAccessTokens().UseReferenceRefreshTokens();

                // Token payloads are sealed with ASP.NET Core data protection (keys shared by every server
                // through the host store), narrowed to the practice. OpenIddict still insists on an
                // asymmetric signing key; it signs nothing here (no identity tokens, no JWT access tokens),
                // so an ephemeral one per process is enough.
                server.UseDataProtection();
                server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                server.Configure(options => options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                server.AddEventHandler(SkipOutsidePractice.Descriptor);
                server.AddEventHandler(MissingVerifierIsInvalidGrant.Descriptor);

                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableErrorPassthrough();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseDataProtection();
                validation.EnableAuthorizationEntryValidation();
                validation.UseAspNetCore();
            });

        services.AddOptions<OpenIddict.Server.DataProtection.OpenIddictServerDataProtectionOptions>()
            .Configure<IDataProtectionProvider, IHttpContextAccessor>((options, provider, accessor) =>
                options.DataProtectionProvider = new PracticeBoundDataProtection(provider, accessor));
        services.AddOptions<OpenIddict.Validation.DataProtection.OpenIddictValidationDataProtectionOptions>()
            .Configure<IDataProtectionProvider, IHttpContextAccessor>((options, provider, accessor) =>
                options.DataProtectionProvider = new PracticeBoundDataProtection(provider, accessor));

        // HTTPS is required unless the whole platform is served over plain HTTP (development, tests).
        services.AddOptions<OpenIddict.Server.AspNetCore.OpenIddictServerAspNetCoreOptions>()
            .Configure<IOptions<TenancyOptions>>((options, tenancy) =>
                options.DisableTransportSecurityRequirement = tenancy.Value.PublicUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
        return services;
    }
}
