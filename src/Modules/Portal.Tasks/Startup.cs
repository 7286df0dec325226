using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Events;
using Portal.Core.Jobs;
using Portal.Core.Modules;
using Portal.Core.Navigation;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Tasks.Data;
using Portal.Tasks.Models;
using Portal.Tasks.Recipes;
using Portal.Tasks.Services;

namespace Portal.Tasks;

public sealed class Startup : ModuleStartup
{
    public override ModuleManifest Manifest => Tasks.Manifest.Module;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTenantDbContext<TasksDbContext>(TasksDbContext.MigrationsHistoryTable);
        services.AddSettingsSection<TaskSettings>(TaskSettings.Validate);
        services.AddScoped<TaskAccess>();
        services.AddScoped<TaskStore>();
        services.AddScoped<TaskComments>();
        services.AddScoped<RequestItems>();
        services.AddScoped<RequestReminders>();
        services.AddScoped<RequestLinks>();
        services.AddScoped<ClientTaskLines>();
        services.AddScoped<StaffTaskList>();
        services.AddScoped<TaskDetails>();
        services.AddJobHandler<CommentNoticeHandler>();
        services.AddPracticeRecurringJob<RequestReminderHandler>("0 8 * * *", requiredFeature: Tasks.Manifest.Feature);
        services.AddDomainEventHandler<DocumentUploaded, ItemUploadedHandler>(requiredFeature: Tasks.Manifest.Feature, takes: ItemUploadedHandler.Takes);
        services.AddScoped<IReminderKind, CommentReminderKind>();
        services.AddScoped<IReminderKind, RequestReminderKind>();
        services.AddSingleton(TaskMailTemplates.Comments);
        services.AddSingleton(TaskMailTemplates.RequestReminder);
        services.AddScoped<IClientDashboardCardProvider, TasksDashboardCard>();
        services.AddScoped<INavigationCount, OpenTasksCount>();
        services.AddSingleton<IClientNavProvider, TasksClientNav>();
        services.AddScoped<IClientRecordLinkProvider, ClientTasksLink>();
        services.AddScoped<IRecipeStep, TasksStep>();
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<IAdminMenuProvider, AdminMenu>();
        services.AddSingleton<IAuditActionDescriptions, TaskAuditActionDescriptions>();
        services.AddScoped<IAuditTargetNames, TaskAuditTargetNames>();
    }
}
