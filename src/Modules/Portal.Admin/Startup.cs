using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Admin.Endpoints;
using Portal.Admin.GettingStarted;
using Portal.Core.Contracts;
using Portal.Core.Modules;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Settings;

namespace Portal.Admin;

public sealed class Startup : ModuleStartup
{
    public override ModuleManifest Manifest => Admin.Manifest.Module;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<IAdminMenuProvider, AdminMenu>();
        services.AddSingleton<ICustomizeTabProvider, Pages.Admin.Customize.CustomizeTabs>();
        services.AddSingleton<IAuditTargetNames, MailTemplateAuditTargetNames>();
        services.AddSingleton<IAuditTargetNames, Services.CustomizeSettingsAuditTargetNames>();
        services.AddSettingsSection<GettingStartedProgress>(GettingStartedProgress.Validate);
        services.AddScoped<GettingStartedAssistant>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOutboxEndpoints();
        endpoints.MapTemplatePreviewEndpoints();
    }
}
