using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Plans.Data;
using Portal.Plans.Services;

namespace Portal.Plans;

public sealed class Startup : ModuleStartup
{
    public override ModuleManifest Manifest => Plans.Manifest.Module;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PlansOptions>().Bind(configuration.GetSection(PlansOptions.Section));
        services.AddDbContext<PlansDbContext>((provider, options) =>
            provider.GetRequiredService<DatabaseLayout>().ConfigureHost(options, PlansDbContext.MigrationsHistoryTable));
        services.AddSingleton(new HostDbContextRegistration(typeof(PlansDbContext)));
        services.AddScoped<PlanCatalog>();
        services.AddScoped<PracticePlanLookup>();
        services.AddScoped<PlanUsage>();

        // Over Portal.Core's unlimited defaults (registered with TryAdd): the last registration wins.
        services.AddScoped<IPlanQuotas, PlanQuotas>();
        services.AddScoped<IPlanLimits, PracticePlanLimits>();
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<IAuditActionDescriptions, PlanAuditActionDescriptions>();
        services.AddSingleton<IAdminMenuProvider, AdminMenu>();
    }
}
