using Portal.Core;

namespace Portal.Web.Payments;

internal static class PlatformStripeKeysServiceCollectionExtensions
{
    /// <summary>The platform's Stripe keys set in the host admin (over configuration; see docs/operations.md).</summary>
    public static IServiceCollection AddPlatformStripeKeys(this IServiceCollection services)
    {
        services.AddScoped<PlatformStripeKeyStore>();
        services.AddSingleton<PlatformStripeKeysLoader>();
        services.AddSingleton<IPortalStartupTask>(provider => provider.GetRequiredService<PlatformStripeKeysLoader>());
        services.AddHostedService(provider => provider.GetRequiredService<PlatformStripeKeysLoader>());
        return services;
    }
}
