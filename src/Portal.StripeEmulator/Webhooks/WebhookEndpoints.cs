using Portal.StripeEmulator.Hosting;

namespace Portal.StripeEmulator.Webhooks;

/// <summary>The configured webhook endpoints; more can be added while the emulator runs (a portal that starts after it).</summary>
internal sealed class WebhookEndpoints
{
    private readonly List<StripeEmulatorWebhookEndpoint> _endpoints;
    private readonly Lock _gate = new();

    public WebhookEndpoints(StripeEmulatorOptions options) => _endpoints = [.. options.WebhookEndpoints];

    public void Add(StripeEmulatorWebhookEndpoint endpoint)
    {
        lock (_gate)
        {
            _endpoints.Add(endpoint);
        }
    }

    /// <summary>Connect endpoints get connected accounts' events; the others the platform's own.</summary>
    public List<StripeEmulatorWebhookEndpoint> For(string? account)
    {
        lock (_gate)
        {
            return [.. _endpoints.Where(e => e.Connect == (account is not null))];
        }
    }
}
