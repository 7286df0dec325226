using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Portal.Core.Contracts;
using Portal.Core.Crypto;
using Portal.Core.Data;
using Portal.Core.Events;
using Portal.Core.Health;
using Portal.Core.Jobs;
using Portal.Core.Mail;
using Portal.Core.Modules;
using Portal.Core.Navigation;
using Portal.Core.Recipes;
using Portal.Core.Recipes.Steps;
using Portal.Core.Scanning;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Core.Storage;
using Portal.Core.Tenancy;
using Portal.Core.Theming;

namespace Portal.Core;

public static class PortalServiceCollectionExtensions
{
    /// <summary>
    /// Registers the platform (tenancy, data, encrypted storage, jobs, mail, recipes, security plumbing) and the modules
    /// added in <paramref name="configureModules"/>. Returns the module catalog, which the host needs
    /// to configure Razor Pages.
    /// </summary>
    public static ModuleCatalog AddPortal(this IServiceCollection services, IConfiguration configuration, Action<PortalBuilder> configureModules)
    {
        services.AddOptions<TenancyOptions>().Bind(configuration.GetSection(TenancyOptions.Section));
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section));
        services.AddOptions<AppDataOptions>().Bind(configuration.GetSection(AppDataOptions.Section));
        services.AddOptions<JobOptions>().Bind(configuration.GetSection(JobOptions.Section));
        services.AddOptions<Caching.PageCacheOptions>().Bind(configuration.GetSection(Caching.PageCacheOptions.Section));
        services.AddOutputCache(options =>
        {
            options.MaximumBodySize = 1024 * 1024;
            options.AddPolicy(Caching.SignedInPages.Policy, new Caching.SignedInPageCachePolicy());
        });
        services.AddOptions<Microsoft.AspNetCore.OutputCaching.OutputCacheOptions>()
            .Configure<IOptions<Caching.PageCacheOptions>>((options, pageCache) => options.SizeLimit = pageCache.Value.SizeLimitMegabytes * 1024L * 1024L);
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidator>();
        services.AddOptions<RecipeOptions>().Bind(configuration.GetSection(RecipeOptions.Section));

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<Contracts.IPlanQuotas, Contracts.UnlimitedPlanQuotas>();
        services.TryAddScoped<Contracts.IPlanLimits, Contracts.NoPlanLimits>();
        services.AddMemoryCache();
        services.AddHttpContextAccessor();

        // Start-up work first, so it runs before any other hosted service.
        services.AddHostedService<PortalInitializer>();
        services.AddSingleton<IdlePracticeConnections>();
        services.AddHostedService(provider => provider.GetRequiredService<IdlePracticeConnections>());

        // Data
        services.AddSingleton<DatabaseLayout>();
        services.AddDbContextFactory<HostDbContext>((provider, options) =>
            provider.GetRequiredService<DatabaseLayout>().ConfigureHost(options, HostDbContext.MigrationsHistoryTable));
        services.AddTenantDbContext<CoreTenantDbContext>(CoreTenantDbContext.MigrationsHistoryTable);

        // Written once more for every handler of every event (profiled: a host-store bump, a notice and a
        // reload on every server per event); the change that published an event bumps its own area.
        services.AddPracticeDataOutsidePages<CoreTenantDbContext>(typeof(DomainEventRecord), typeof(DomainEventDelivery));
        services.AddSingleton<TenantMigrator>();

        // Encryption at rest and blob storage
        services.AddPortalStorage(configuration);
        services.AddPortalScanning(configuration);

        // Tenancy
        services.AddSingleton<TenantRegistry>();
        services.AddSingleton<TenantStore>();
        services.AddSingleton<TenantScopeFactory>();
        services.AddSingleton<TenantUrls>();
        services.AddSingleton<TenantSetupService>();
        services.AddSingleton<IPortalCommand, CreatePracticesCommand>();
        services.AddScoped<TenantContext>();
        services.AddSingleton<IHostChangeFeed>(provider => provider.GetRequiredService<TenantRegistry>());
        services.AddSingleton<IHostChangeFeed>(provider => provider.GetRequiredService<SettingsVersions>());
        services.AddSingleton<HostChangeSignal>();
        services.AddHostedService<HostChangeListener>();

        // Jobs
        services.AddSingleton<JobStore>();
        services.AddSingleton<JobWakeUp>();
        services.AddScoped<IJobQueue, JobQueue>();
        services.AddSingleton<RecurringJobScheduler>();
        services.AddSingleton<JobWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<JobWorker>());
        services.AddPlatformRecurringJob<CleanupSucceededJobsHandler>("0 */6 * * *");

        // Domain events: an outbox in each practice's database, dispatched by the job worker
        services.AddScoped<IDomainEventPublisher, DomainEventPublisher>();
        services.AddSingleton<DomainEventDispatchTrigger>();
        services.AddJobHandler<DomainEventDispatchHandler>();
        services.AddPracticeRecurringJob<DomainEventSweepHandler>("*/5 * * * *");
        services.AddPracticeRecurringJob<DomainEventRetentionHandler>("35 3 * * *");

        // Mail
        services.AddSingleton<PickupFolderMailTransport>();
        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<IMailTransport>(provider => provider.GetRequiredService<IOptions<MailOptions>>().Value.Transport == MailTransportKind.Smtp
            ? provider.GetRequiredService<SmtpMailTransport>()
            : provider.GetRequiredService<PickupFolderMailTransport>());
        services.AddSingleton<PracticeSmtpServer>();
        services.AddScoped<IMailOutbox, MailOutbox>();
        services.AddScoped<OutboxSecrets>();
        services.AddScoped<Time.IPracticeClock, Time.PracticeClock>();
        services.AddScoped<Security.PracticeCookies>();
        services.AddScoped<Security.ICurrentActor, Security.RequestActor>();
        services.AddScoped<Links.IOneTimeLinks, Links.OneTimeLinks>();
        services.AddPracticeRecurringJob<Links.OneTimeLinksCleanupHandler>("20 * * * *");
        services.AddSingleton<MailTemplateRenderer>();
        services.AddScoped<MailComposer>();
        services.AddSingleton<IPracticeUpgrade, MailTemplatesToLiquid>();
        services.AddJobHandler<SendOutboxMessageHandler>();
        services.AddPracticeRecurringJob<OutboxSweepHandler>("*/10 * * * *");

        // Settings (each module registers its own sections), branding, recipes
        services.AddSingleton<SettingsRegistry>();
        services.AddSingleton<SettingsVersions>();
        services.AddSingleton<SettingsCache>();
        services.AddSingleton<IPracticeDataVersions, PracticeDataVersions>();
        services.AddScoped<SettingsSecrets>();
        services.AddScoped<SiteSettingsStore>();
        services.AddSettingsSection<SiteSettings>(SiteSettings.Validate);
        services.AddSettingsSection<BrandingSettings>(BrandingSettings.Validate);
        services.AddSettingsSection<ClientSiteSwitches>();
        services.AddSettingsSection<MailTemplateOverrides>();
        services.AddSettingsSection<MailIdentitySettings>(MailIdentitySettings.Validate);
        services.AddSettingsSection<LoginWidget.LoginWidgetSettings>(LoginWidget.LoginWidgetSettings.Validate);
        services.AddOptions<BrandingOptions>().Bind(configuration.GetSection(BrandingOptions.Section))
            .Validate(o => o.MaxLogoKilobytes > 0 && o.MaxLogoWidth > 0 && o.MaxLogoHeight > 0, "Portal:Branding limits must be positive.").ValidateOnStart();
        services.AddScoped<BrandingLogo>();
        services.AddSingleton<IPracticeUpgrade, LegacyLogoUpgrade>();
        services.AddSingleton<RecipeCatalog>();
        services.AddScoped<RecipeExecutor>();
        services.AddScoped<IRecipeStep, FeaturesStep>();
        services.AddScoped<IRecipeStep, SettingsStep>();
        services.AddScoped<IRecipeStep, BrandingStep>();

        // Security, navigation
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddScoped<NavigationBuilder>();
        services.AddScoped<NavigationCounts>();
        services.AddScoped<SiteChrome>();
        services.AddSingleton<IAuditActionDescriptions, SharedAuditActionDescriptions>();
        services.AddDataProtection().SetApplicationName("Portal");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(options =>
            {
                options.XmlRepository = new HostXmlRepository(provider.GetRequiredService<IDbContextFactory<HostDbContext>>());
                options.XmlEncryptor = new MasterKeyXmlEncryptor(provider.GetRequiredService<MasterKeyRing>());
            }));

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("databases", tags: ["ready"]);

        // Modules
        var builder = new PortalBuilder(services, configuration);
        configureModules(builder);
        var catalog = builder.BuildCatalog();
        foreach (var integration in catalog.Integrations)
        {
            integration.ConfigureServices(services, configuration);
        }

        services.AddSingleton(catalog);
        services.AddScoped<TenantFeatures>();
        services.AddSingleton<MatcherPolicy, SiteEndpointSelectorPolicy>();
        return catalog;
    }

    /// <summary>Adds every module's middleware, in module order.</summary>
    public static IApplicationBuilder UsePortalModules(this IApplicationBuilder app)
    {
        foreach (var startup in app.ApplicationServices.GetRequiredService<ModuleCatalog>().Startups)
        {
            startup.ConfigureMiddleware(app);
        }

        // After every module's middleware (account requirements), so copies are only looked up for requests they let through.
        app.UseOutputCache();
        return app;
    }

    /// <summary>Maps every module's endpoints, each group limited to practices and to the module's main feature.</summary>
    public static IEndpointRouteBuilder MapPortalModules(this IEndpointRouteBuilder endpoints)
    {
        var catalog = endpoints.ServiceProvider.GetRequiredService<ModuleCatalog>();
        foreach (var startup in catalog.Startups)
        {
            var group = endpoints.MapGroup("").WithMetadata(TenantOnlyMetadata.Instance, new FeatureMetadata(startup.Manifest.MainFeature.Id));
            startup.MapEndpoints(group);
        }

        return endpoints;
    }
}
