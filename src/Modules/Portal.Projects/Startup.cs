using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Navigation;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Projects.Data;
using Portal.Projects.Recipes;
using Portal.Projects.Services;

namespace Portal.Projects;

public sealed class Startup : ModuleStartup
{
    public override ModuleManifest Manifest => Projects.Manifest.Module;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTenantDbContext<ProjectsDbContext>(ProjectsDbContext.MigrationsHistoryTable);
        services.AddSingleton<IPracticeUpgrade, DefaultProjectStatuses>();
        services.AddScoped<ProjectAccess>();
        services.AddScoped<ProjectStatusList>();
        services.AddScoped<ProjectLibrary>();
        services.AddScoped<ProjectStatusPoster>();
        services.AddScoped<ClientProjects>();
        services.AddScoped<IProjectThreads, NoProjectThreads>();
        services.AddSingleton(ProjectMailTemplates.StatusChangedTemplate);
        services.AddScoped<IRecipeStep, ProjectsStep>();
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<IAdminMenuProvider, AdminMenu>();
        services.AddSingleton<IClientNavProvider, ClientNav>();
        services.AddScoped<IClientRecordLinkProvider, ClientProjectsLink>();
        services.AddScoped<IClientDashboardCardProvider, ProjectsCard>();
        services.AddSingleton<IAuditActionDescriptions, ProjectAuditActionDescriptions>();
        services.AddScoped<IAuditTargetNames, ProjectAuditTargetNames>();
        services.AddScoped<IAuditTargetNames, ProjectStatusAuditTargetNames>();
    }

    public override IReadOnlyList<ModuleIntegration> Integrations { get; } = [new MessagesIntegration(), new NotificationsIntegration()];
}
