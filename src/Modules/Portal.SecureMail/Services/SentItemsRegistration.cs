using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Navigation;

namespace Portal.SecureMail.Services;

/// <summary>The sent-items dashboard's services, in one call from the module's Startup.</summary>
internal static class SentItemsRegistration
{
    public static IServiceCollection AddSentItemsDashboard(this IServiceCollection services)
    {
        services.AddScoped<SentItems>();
        services.AddScoped<SentItemCounts>();
        services.AddScoped<IAdminDashboardTileProvider, SentItemsTiles>();
        services.AddSingleton<IAdminMenuProvider, SentItemsMenu>();
        return services;
    }
}
