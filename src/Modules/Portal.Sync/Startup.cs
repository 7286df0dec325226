using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Events;
using Portal.Core.Jobs;
using Portal.Core.Modules;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Tenancy;
using Portal.Sync.Data;
using Portal.Sync.Endpoints;
using Portal.Sync.Services;

namespace Portal.Sync;

public sealed class Startup : ModuleStartup
{
    public override ModuleManifest Manifest => Sync.Manifest.Module;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTenantDbContext<SyncDbContext>(SyncDbContext.MigrationsHistoryTable);

        // Written on every use of a connection and by OpenIddict on every token; no kept page shows them.
        services.AddPracticeDataOutsidePages<SyncDbContext>(
            typeof(Models.SyncConnection),
            typeof(Models.SyncDevicePoll),
            typeof(Models.SyncUserCodeAttempt),
            typeof(OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreToken<Guid>),
            typeof(OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreAuthorization<Guid>),
            typeof(OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication<Guid>),
            typeof(OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreScope<Guid>));
        services.AddSyncServer();
        services.AddSingleton<IPracticeUpgrade, PortalSyncClientRegistration>();
        services.AddScoped<ConnectedApps>();
        services.AddScoped<SyncStaff>();
        services.AddScoped<SyncApprover>();
        services.AddScoped<ContactSync>();
        services.AddScoped<NewContactBatch>();
        services.AddScoped<ProjectSync>();
        services.AddScoped<ChangeFeed>();
        services.AddScoped<ChangeFeedWriter>();
        services.AddDomainEventHandler<DocumentUploaded, FeedOnDocumentUploaded>(Sync.Manifest.Feature, FeedOnDocumentUploaded.Takes);
        services.AddDomainEventHandler<PaymentRecorded, FeedOnPaymentRecorded>(Sync.Manifest.Feature, FeedOnPaymentRecorded.Takes);
        services.AddDomainEventHandler<ClientMessagePosted, FeedOnClientMessagePosted>(Sync.Manifest.Feature);
        services.AddDomainEventHandler<ClientTaskCompleted, FeedOnClientTaskCompleted>(Sync.Manifest.Feature);
        services.AddScoped<InvoiceSync>();
        services.AddScoped<PaymentSync>();
        services.AddScoped<DocumentSync>();
        services.AddScoped<NewClientFiles>();
        services.AddScoped<UserCodeAttempts>();
        services.AddPracticeRecurringJob<SyncPruneHandler>(SyncPruneHandler.Schedule);
        services.AddSingleton<IAuditActionDescriptions, SyncAuditActionDescriptions>();
        services.AddScoped<IAuditTargetNames, SyncConnectionAuditNames>();
        services.AddOptions<SyncRateLimitOptions>().Bind(configuration.GetSection(SyncRateLimitOptions.Section));
        services.AddRateLimiter(_ => { });
        services.Configure<AuthorizationOptions>(SyncApi.AddPolicy);
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<IAdminMenuProvider, AdminMenu>();
    }

    public override void ConfigureMiddleware(IApplicationBuilder app)
    {
        var limits = app.ApplicationServices.GetRequiredService<SyncRateLimits>();
        var options = new RateLimiterOptions
        {
            GlobalLimiter = limits.Api,
            OnRejected = (rejected, _) => SyncRateLimits.RejectAsync(rejected.HttpContext, rejected.Lease),
        };
        app.UseWhen(
            context => context.GetTenant() is not null && context.Request.Path.StartsWithSegments(SyncApiEndpoints.GroupRoute, StringComparison.OrdinalIgnoreCase),
            api => api.UseRateLimiter(options));
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSyncTokenEndpoints();
        endpoints.MapSyncApiEndpoints();
    }
}
