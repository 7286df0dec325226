using Portal.Tests.Infrastructure;
using Portal.Tests.StripeEmulator;

namespace Portal.Tests.Billing;

/// <summary>Shared apps whose Stripe options point at an emulator started in-process for the test class.</summary>
public sealed class StripeConnectApps : ClassApps
{
    public EmulatorHarness Emulator { get; private set; } = null!;

    public override async Task InitializeAsync() => Emulator = await EmulatorHarness.StartAsync();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Emulator.DisposeAsync();
    }

    protected override void Configure(PortalApplicationOptions options) => options
        .Set("Portal:Payments:Stripe:SecretKey", EmulatorHarness.SecretKey)
        .Set("Portal:Payments:Stripe:ApiBase", Emulator.Server.ApiBase)
        .Set("Portal:Payments:Stripe:MaxNetworkRetries", "1")
        .Set("Portal:Payments:Stripe:Timeout", "00:00:10");
}
