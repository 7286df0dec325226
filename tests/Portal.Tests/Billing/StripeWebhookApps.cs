using Portal.Billing.Payments;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;
using Portal.Tests.StripeEmulator;

namespace Portal.Tests.Billing;

/// <summary>
/// Shared apps on the Stripe emulator whose Connect webhooks reach the portal's receiver (through a
/// <see cref="WebhookRelay"/> per app), signed with <see cref="PortalSecret"/>. Open to fixtures that add to
/// the apps' configuration (the secure e-mail tests add the SMTP server).
/// </summary>
public class StripeWebhookApps : ClassApps
{
    public const string PortalSecret = "whsec_portal_receiver_0001";

    private readonly Dictionary<DatabaseProvider, Task<PortalApplication>> _wired = [];
    private readonly List<WebhookRelay> _relays = [];
    private readonly Lock _lock = new();

    public EmulatorHarness Emulator { get; private set; } = null!;

    public override async Task InitializeAsync() => Emulator = await EmulatorHarness.StartAsync(webhookMaxAttempts: 8);

    /// <summary>The app for <paramref name="provider"/>, with the emulator sending it connected accounts' events.</summary>
    public Task<PortalApplication> WiredAsync(DatabaseProvider provider)
    {
        lock (_lock)
        {
            if (!_wired.TryGetValue(provider, out var wired))
            {
                wired = WireAsync(provider);
                _wired[provider] = wired;
            }

            return wired;
        }
    }

    public override async Task DisposeAsync()
    {
        foreach (var relay in _relays)
        {
            await relay.DisposeAsync();
        }

        await base.DisposeAsync();
        await Emulator.DisposeAsync();
    }

    protected override void Configure(PortalApplicationOptions options) => options
        .Set("Portal:Payments:Stripe:SecretKey", EmulatorHarness.SecretKey)
        .Set("Portal:Payments:Stripe:ApiBase", Emulator.Server.ApiBase)
        .Set("Portal:Payments:Stripe:WebhookSecret", PortalSecret)
        .Set("Portal:Payments:Stripe:MaxNetworkRetries", "1")
        .Set("Portal:Payments:Stripe:Timeout", "00:00:10");

    private async Task<PortalApplication> WireAsync(DatabaseProvider provider)
    {
        var app = await For(provider);
        var relay = await WebhookRelay.StartAsync(app.HostClient(), StripeOptions.WebhookPath);
        lock (_lock)
        {
            _relays.Add(relay);
        }

        await Emulator.Server.Control.AddWebhookEndpointAsync(relay.Url, [PortalSecret], connect: true);
        return app;
    }
}
