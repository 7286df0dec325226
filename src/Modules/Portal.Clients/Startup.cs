using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Clients.Data;
using Portal.Clients.Models;
using Portal.Clients.Recipes;
using Portal.Clients.Services;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Navigation;
using Portal.Core.Recipes;
using Portal.Core.Security;

namespace Portal.Clients;

public sealed class Startup : ModuleStartup
{
    public override ModuleManifest Manifest => Clients.Manifest.Module;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTenantDbContext<ClientsDbContext>(ClientsDbContext.MigrationsHistoryTable);
        services.AddPracticeDataArea<ClientsDbContext>(ClientAccessCopies.Area, typeof(Client), typeof(ClientPortal), typeof(PortalClient), typeof(PortalMember));
        services.AddSingleton<ClientAccessCopies>();
        services.AddScoped<ActivePortals>();
        services.AddScoped<ClientStore>();
        services.AddScoped<ClientExternalIds>();
        services.AddScoped<ClientImporter>();
        services.AddScoped<PortalStore>();
        services.AddScoped<PortalMemberships>();
        services.AddScoped<PortalChoiceCookie>();
        services.AddScoped<IClientAccess, ClientAccess>();
        services.AddScoped<IClientDirectory, ClientDirectory>();
        services.AddScoped<IClientPortalPresence, ClientPortalPresence>();
        services.AddSingleton<IAuditActionDescriptions, ClientAuditActionDescriptions>();
        services.AddScoped<IAuditTargetNames, ClientAuditTargetNames>();
        services.AddScoped<IAuditTargetNames, PortalAuditTargetNames>();
        services.AddScoped<IClientDashboardCardProvider, CurrentPortalCard>();
        services.AddScoped<IClientNavProvider, ClientNav>();
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<IAdminMenuProvider, AdminMenu>();
        services.AddScoped<IRecipeStep, ClientsStep>();
        services.AddScoped<IRecipeStep, PortalsStep>();
    }
}
