using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Jobs;
using Portal.Core.Modules;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Identity.Data;
using Portal.Identity.Endpoints;
using Portal.Identity.Models;
using Portal.Identity.Recipes;
using Portal.Identity.Services;

namespace Portal.Identity;

public sealed class Startup : ModuleStartup
{
    public override ModuleManifest Manifest => Identity.Manifest.Module;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PortalIdentityOptions>().Bind(configuration.GetSection(PortalIdentityOptions.Section));

        services.AddTenantDbContext<UsersDbContext>(UsersDbContext.MigrationsHistoryTable);

        // Renewed every minute per active session and written by failed sign-ins; no kept page shows them.
        services.AddPracticeDataOutsidePages<UsersDbContext>(typeof(UserSession), typeof(SignInThrottle));
        services.AddSettingsSection<SecuritySettings>();
        services
            .AddIdentity<PortalUser, PortalRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.User.AllowedUserNameCharacters = "";
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Password.RequiredLength = PortalPasswordValidator.ClientMinimumLength;
                options.SignIn.RequireConfirmedAccount = false;
                options.Tokens.AuthenticatorTokenProvider = TotpAuthenticator.ProviderName;
            })
            .AddEntityFrameworkStores<UsersDbContext>()
            .AddSignInManager<PortalSignInManager>()
            .AddClaimsPrincipalFactory<PortalUserClaimsFactory>()
            .AddPasswordValidator<PortalPasswordValidator>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<TotpAuthenticator>(TotpAuthenticator.ProviderName);

        services.AddOptions<PasswordHasherOptions>()
            .Configure<IOptions<PortalIdentityOptions>>((options, identity) => options.IterationCount = identity.Value.PasswordHashIterations);

        // Sessions live on the server (DatabaseTicketStore): ending one deletes its row, which takes effect
        // on the next request. The security stamp is re-checked every minute as a second line.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddSingleton<DatabaseTicketStore>();

        foreach (var scheme in new[] { IdentityConstants.ApplicationScheme, IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme, IdentityConstants.ExternalScheme })
        {
            services.AddOptions<CookieAuthenticationOptions>(scheme)
                .Configure<IDataProtectionProvider, IHttpContextAccessor, IMemoryCache>((options, protection, accessor, cache) =>
                {
                    options.TicketDataFormat = new TenantBoundTicketFormat(protection, accessor, scheme, cache);
                    options.CookieManager = new SecureNameCookieManager();
                    options.Cookie.HttpOnly = true;
                    options.Cookie.SameSite = SameSiteMode.Lax;
                    options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                });
        }

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<PortalIdentityOptions>>((options, identity) =>
            {
                options.Cookie.Name = "portal.session";
                options.LoginPath = "/account/signin";
                options.LogoutPath = "/account/signout";
                options.AccessDeniedPath = "/account/access-denied";
                options.ExpireTimeSpan = identity.Value.IdleTimeout;
                options.SlidingExpiration = true;
            });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure<TimeProvider, IOptions<PortalIdentityOptions>, DatabaseTicketStore, IOptions<SecurityStampValidatorOptions>>((options, clock, identity, sessions, stamps) =>
            {
                options.SessionStore = sessions;
                var validateStamp = options.Events.OnValidatePrincipal;
                // Programs (tus uploads, APIs, scripts) get a status code; people get the sign-in page.
                options.Events.OnRedirectToLogin = context => ChallengeOrRedirect(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => ChallengeOrRedirect(context, StatusCodes.Status403Forbidden);
                options.Events.OnSigningIn = context =>
                {
                    SessionLifetime.Stamp(context, clock);
                    return Task.CompletedTask;
                };
                options.Events.OnValidatePrincipal = async context =>
                {
                    if (SessionLifetime.IsExpired(context.Properties, identity.Value.AbsoluteTimeout, clock))
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                        return;
                    }

                    // The stamp validator is built (with the sign-in and user managers and their
                    // contexts) on every request only to find its interval has not passed: ask it when due.
                    if (context.Properties.IssuedUtc is { } issued && clock.GetUtcNow() - issued <= stamps.Value.ValidationInterval)
                    {
                        return;
                    }

                    await validateStamp(context);
                };
            });

        services.AddSingleton<PermissionCatalog>();
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<Portal.Core.Navigation.IAdminMenuProvider, AdminMenu>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddScoped<RolePermissions>();
        services.AddSingleton<IPracticeUpgrade, AccountTokensToOneTimeLinks>();
        services.AddScoped<UserSessions>();
        services.AddScoped<UserAccounts>();
        services.AddScoped<InvitationSender>();
        services.AddScoped<IAdministratorInvitations, AdministratorInvitations>();
        foreach (var template in MailTemplates.All)
        {
            services.AddSingleton(template);
        }

        services.AddScoped<EmailChanges>();
        services.AddScoped<SignInThrottling>();
        services.AddScoped<DeviceCookies>();
        services.AddScoped<SignInFlow>();
        services.AddScoped<PasswordSignIn>();
        services.AddSingleton<WidgetRefusalBudget>();
        services.AddScoped<RecoveryCodes>();
        services.AddScoped<TwoFactorSetup>();
        services.AddScoped<PasswordResets>();
        services.AddScoped<StaffAdministration>();
        services.AddScoped<RoleAdministration>();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<IMailboxLinkSignIn, MailboxLinkSignIn>();
        services.AddScoped<IAuditTargetNames, UserAuditTargetNames>();
        services.AddScoped<IAuditTargetNames, RoleAuditTargetNames>();
        services.AddSingleton<IAuditTargetNames, SecuritySettingsAuditTargetNames>();
        services.AddScoped<IReminderKind, InvitationReminderKind>();
        services.AddPracticeRecurringJob<ExpiredSessionsCleanupHandler>("0 * * * *");
        services.AddScoped<IRecipeStep, RolesStep>();
        services.AddScoped<IRecipeStep, UsersStep>();
    }

    private static Task ChallengeOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/uploads")
            || request.Headers.ContainsKey("Tus-Resumable") || request.Headers.XRequestedWith == "XMLHttpRequest")
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    public override void ConfigureMiddleware(IApplicationBuilder app) => app.UseMiddleware<AccountRequirementsMiddleware>();

    public override void MapEndpoints(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints) => endpoints.MapWidgetSignInEndpoints();
}
