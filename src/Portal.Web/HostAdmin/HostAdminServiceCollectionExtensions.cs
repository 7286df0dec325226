using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Memory;
using Portal.Core;
using Portal.Core.Data;
using Portal.Core.Security;

namespace Portal.Web.HostAdmin;

public static class HostAdminServiceCollectionExtensions
{
    /// <summary>Platform operators, their cookie and policy, and the start-up tasks of the host.</summary>
    public static IServiceCollection AddHostAdmin(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HostAdminOptions>().Bind(configuration.GetSection(HostAdminOptions.Section));
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section));

        services.AddDbContext<OperatorDbContext>((provider, options) =>
            provider.GetRequiredService<DatabaseLayout>().ConfigureHost(options, OperatorDbContext.MigrationsHistoryTable));
        services.AddSingleton(new HostDbContextRegistration(typeof(OperatorDbContext)));
        services.AddIdentityCore<PlatformOperator>()
            .AddEntityFrameworkStores<OperatorDbContext>()
            .AddPasswordValidator<OperatorPasswordValidator>();
        services.AddScoped<OperatorSignIn>();

        services.AddAuthentication().AddCookie(HostAdminDefaults.Scheme, options =>
        {
            options.Cookie.Name = "portal.host";
            options.Cookie.Path = "/admin";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/admin/signin";
            options.AccessDeniedPath = "/admin/signin";
            options.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = OperatorSignIn.ValidateAsync;
        });
        services.AddOptions<CookieAuthenticationOptions>(HostAdminDefaults.Scheme)
            .Configure<IDataProtectionProvider, IHttpContextAccessor, IMemoryCache>((options, protection, accessor, cache) =>
                options.TicketDataFormat = new TenantBoundTicketFormat(protection, accessor, HostAdminDefaults.Scheme, cache));

        services.AddAuthorizationBuilder().AddPolicy(HostAdminDefaults.Policy, policy => policy
            .AddAuthenticationSchemes(HostAdminDefaults.Scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(HostAdminDefaults.OperatorClaim));

        services.AddSingleton<IPortalStartupTask, PlatformOperatorSeeder>();
        services.AddSingleton<IPortalStartupTask, DemoPracticeSeeder>();
        return services;
    }
}
