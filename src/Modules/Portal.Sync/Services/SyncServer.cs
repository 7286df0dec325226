using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
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
    public const string DeviceAuthorizationPath = "connect/device";
    public const string EndUserVerificationPath = "admin/connect/device";

    public static readonly TimeSpan AuthorizationCodeLifetime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(30);

    /// <summary>Absolute: a refreshed token does not extend it (sliding expiration is off).</summary>
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(90);

    /// <summary>How long a machine without a browser waits for someone to type its user code.</summary>
    public static readonly TimeSpan DeviceCodeLifetime = TimeSpan.FromMinutes(10);

    public static IServiceCollection AddSyncServer(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<SyncRateLimits>();
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
                    .SetRevocationEndpointUris(RevocationPath)
                    .SetDeviceAuthorizationEndpointUris(DeviceAuthorizationPath)
                    .SetEndUserVerificationEndpointUris(EndUserVerificationPath);
                server.AllowAuthorizationCodeFlow()
                    .AllowRefreshTokenFlow()
                    .AllowDeviceAuthorizationFlow()
                    .RequireProofKeyForCodeExchange();
                server.RegisterScopes(SyncScopes.Sync, SyncScopes.OfflineAccess);
                server.SetAuthorizationCodeLifetime(AuthorizationCodeLifetime)
                    .SetAccessTokenLifetime(AccessTokenLifetime)
                    .SetRefreshTokenLifetime(RefreshTokenLifetime)
                    .DisableSlidingRefreshTokenExpiration();

                // RFC 8628 s6.1: 8 characters from 20 consonants (no vowels, so no words) is 34 bits; the
                // guesses anyone gets at a code are capped (UserCodeAttempts), so that is plenty.
                server.SetDeviceCodeLifetime(DeviceCodeLifetime)
                    .SetUserCodeLifetime(DeviceCodeLifetime)
                    .SetUserCodeCharset([.. UserCodes.Charset.Select(c => c.ToString())])
                    .SetUserCodeLength(UserCodes.Length)
                    .SetUserCodeDisplayFormat(UserCodes.DisplayFormat);

                // Rolling refresh tokens (OpenIddict's default) with no grace period: presenting a
                // refresh token a second time revokes the authorization and every token issued under it.
                server.SetRefreshTokenReuseLeeway(TimeSpan.Zero);
                server.UseReferenceAccessTokens().UseReferenceRefreshTokens();

                // Token payloads are sealed with ASP.NET Core data protection (keys shared by every server
                // through the host store), narrowed to the practice. OpenIddict still insists on a signing
                // key (asymmetric) and an encryption key; they sign and seal nothing here (no identity
                // tokens, no JWT access tokens), so throw-away keys made at start-up are enough. ECDSA P-256
                // and AES rather than OpenIddict's ephemeral RSA keys: each RSA-2048 key costs 170-230 ms of
                // CPU on the 2-core machine at every start (the largest item of the test suite's profile),
                // an ECDSA key 0.1 ms.
                server.UseDataProtection();
                server.AddSigningKey(new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)))
                    .AddEncryptionKey(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)));
                server.Configure(options => options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                server.AddEventHandler(SkipOutsidePractice.Descriptor);
                server.AddEventHandler(MissingVerifierIsInvalidGrant.Descriptor);
                server.AddEventHandler(SyncRateLimits.Descriptor);
                server.AddEventHandler(DeviceRequestDetails.Descriptor);
                server.AddEventHandler(UserCodeInput.Descriptor);
                server.AddEventHandler(DevicePollingPace.Descriptor);

                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndUserVerificationEndpointPassthrough()
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
