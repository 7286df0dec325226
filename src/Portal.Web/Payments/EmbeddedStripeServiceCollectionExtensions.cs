using Microsoft.Extensions.Options;
using Portal.Billing.Payments;
using Portal.Core;

namespace Portal.Web.Payments;

internal static class EmbeddedStripeServiceCollectionExtensions
{
    /// <summary>
    /// The embedded emulator and the demo's onboarding; each does nothing unless <c>Emulator:Enabled</c>.
    /// Call before AddPortal: lifecycle hooks run in registration order, and the emulator must be listening
    /// before the portal's start-up tasks.
    /// </summary>
    public static IServiceCollection AddEmbeddedStripeEmulator(this IServiceCollection services)
    {
        services.AddSingleton<EmbeddedStripeKeys>();
        services.AddSingleton<IPostConfigureOptions<StripeOptions>, EmbeddedStripeOptions>();
        services.AddSingleton<EmbeddedStripeEmulator>();
        services.AddHostedService(provider => provider.GetRequiredService<EmbeddedStripeEmulator>());
        services.AddSingleton<IPortalStartupTask, DemoPaymentsSeeder>();
        return services;
    }
}
