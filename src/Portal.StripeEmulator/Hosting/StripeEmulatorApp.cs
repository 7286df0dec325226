using System.Net;
using Portal.StripeEmulator.Api;
using Portal.StripeEmulator.Control;
using Portal.StripeEmulator.Flows;
using Portal.StripeEmulator.Hosted;
using Portal.StripeEmulator.State;
using Portal.StripeEmulator.Webhooks;
using Portal.StripeEmulator.Wire;

namespace Portal.StripeEmulator.Hosting;

/// <summary>Composes the emulator: its services, the /v1 wire pipeline, the API, hosted pages and control API.</summary>
internal static class StripeEmulatorApp
{
    public static WebApplication Build(StripeEmulatorOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = options.EnvironmentName,
            ApplicationName = typeof(StripeEmulatorApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // The content root is the host's folder: the embedding portal's appsettings.json would set our log
        // levels (its "Now listening" lines at start). Everything the emulator needs is in its options.
        builder.Configuration.Sources.Clear();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        AddServices(builder.Services, options);

        var app = builder.Build();
        app.UseMiddleware<RequestIds>();
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/v1"), api => api
            .UseMiddleware<StripeErrorResponses>()
            .UseMiddleware<ApiGate>()
            .UseMiddleware<ApiRequestRecorder>()
            .UseMiddleware<IdempotentRequests>()
            .UseMiddleware<FaultInjection>());
        AccountEndpoints.Map(app);
        AccountLinkEndpoints.Map(app);
        CheckoutSessionEndpoints.Map(app);
        PaymentObjectEndpoints.Map(app);
        RefundEndpoints.Map(app);
        EventEndpoints.Map(app);
        app.MapFallback("/v1/{**path}", UnknownApiRoute.Answer);
        CheckoutPage.Map(app);
        OnboardingPage.Map(app);
        ControlEndpoints.Map(app);
        return app;
    }

    private static void AddServices(IServiceCollection services, StripeEmulatorOptions options)
    {
        var clock = new EmulatorClock(options.TimeProvider);
        services.AddSingleton(options);
        services.AddSingleton(clock);
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<EmulatorStore>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<ApiRequestLog>();
        services.AddSingleton<FaultPlan>();
        services.AddSingleton<WebhookEndpoints>();
        services.AddSingleton<DeliveryLog>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<WebhookDispatcher>());
        services.AddSingleton<EventPublisher>();
        services.AddSingleton<CheckoutFlow>();
        services.AddSingleton<RefundFlow>();
        services.AddSingleton<OnboardingFlow>();
    }
}
