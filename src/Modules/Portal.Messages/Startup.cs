using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Jobs;
using Portal.Core.Modules;
using Portal.Core.Navigation;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Messages.Data;
using Portal.Messages.Recipes;
using Portal.Messages.Services;

namespace Portal.Messages;

public sealed class Startup : ModuleStartup
{
    public override ModuleManifest Manifest => Messages.Manifest.Module;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTenantDbContext<MessagesDbContext>(MessagesDbContext.MigrationsHistoryTable);
        services.AddScoped<ThreadAccess>();
        services.AddScoped<MessageReading>();
        services.AddScoped<MessageNotices>();
        services.AddScoped<MessagePosting>();
        services.AddScoped<ThreadView>();
        services.AddScoped<Pages.Shared.MessageFileDownload>();
        services.AddScoped<ThreadAssignment>();
        services.AddScoped<StaffInbox>();
        services.AddScoped<ContactReasons>();
        services.AddScoped<ReasonRoutes>();
        services.AddScoped<IMessageThreads, MessageThreads>();
        services.AddScoped<MessageWaitingReminderKind>();
        services.AddScoped<IReminderKind>(provider => provider.GetRequiredService<MessageWaitingReminderKind>());
        services.AddSingleton(MessageMailTemplates.Waiting);
        services.AddJobHandler<MessageNoticeHandler>();
        services.AddScoped<INavigationCount, UnreadMessagesCount>();
        services.AddScoped<INavigationCount, InboxWaitingCount>();
        services.AddScoped<IClientDashboardCardProvider, MessagesHomeCard>();
        services.AddScoped<IRecipeStep, MessagesStep>();
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<IAdminMenuProvider, AdminMenu>();
        services.AddSingleton<ICustomizeTabProvider, CustomizeTabs>();
        services.AddScoped<IClientNavProvider, ClientNav>();
        services.AddSingleton<IAuditActionDescriptions, MessageAuditActionDescriptions>();
        services.AddScoped<IAuditTargetNames, ThreadAuditTargetNames>();
        services.AddScoped<IAuditTargetNames, ReasonAuditTargetNames>();
    }
}
