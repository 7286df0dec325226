namespace Portal.StripeEmulator.Hosting;

/// <summary>Registers the emulator as a hosted service of the portal (never in Production: starting it there throws).</summary>
public static class StripeEmulatorServiceCollectionExtensions
{
    public static IServiceCollection AddStripeEmulator(this IServiceCollection services, Func<IServiceProvider, StripeEmulatorOptions> options)
    {
        services.AddSingleton(provider => new StripeEmulatorHost(options(provider)));
        services.AddHostedService(provider => provider.GetRequiredService<StripeEmulatorHost>());
        return services;
    }
}
