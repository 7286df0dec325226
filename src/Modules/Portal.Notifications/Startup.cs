using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Notifications.Data;
using Portal.Notifications.Endpoints;
using Portal.Notifications.Models;
using Portal.Notifications.Services;

namespace Portal.Notifications;

public sealed class Startup : ModuleStartup
{
    public override ModuleManifest Manifest => Notifications.Manifest.Module;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTenantDbContext<NotificationsDbContext>(NotificationsDbContext.MigrationsHistoryTable);
        services.AddSettingsSection<ReminderSettings>();
        services.AddScoped<IReminderQueue, ReminderQueue>();
        services.AddScoped<ReminderSender>();
        services.AddScoped<ReminderNotices>();
        services.AddScoped<IAdminDashboardTileProvider>(sp => sp.GetRequiredService<ReminderNotices>());
        services.AddScoped<ISignOutNotice>(sp => sp.GetRequiredService<ReminderNotices>());
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<IAdminMenuProvider, AdminMenu>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapReminderEndpoints();
}
