using Microsoft.Extensions.Options;
using Portal.Billing.Payments;
using Portal.Core.Tenancy;
using Portal.StripeEmulator.Hosting;

namespace Portal.Web.Payments;

/// <summary>
/// Runs the Stripe emulator inside the portal when <c>Portal:Payments:Stripe:Emulator:Enabled</c> (the Demo
/// environment). It starts in StartingAsync, ahead of the portal's start-up tasks, so the demo practice can
/// be onboarded on it; the emulator itself refuses to start in Production.
/// </summary>
internal sealed class EmbeddedStripeEmulator(
    IOptions<StripeOptions> stripe,
    EmbeddedStripeKeys keys,
    IOptions<TenancyOptions> tenancy,
    IHostEnvironment environment,
    ILogger<EmbeddedStripeEmulator> logger) : IHostedLifecycleService, IAsyncDisposable
{
    private StripeEmulatorServer? _server;

    /// <summary>Started in this process (a command does not start it: see PortalCommands).</summary>
    public bool IsRunning => _server is not null;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!stripe.Value.Emulator.Enabled)
        {
            return;
        }

        // Platform and Connect events both go to the portal's one webhook address; the receiver acts on
        // connected accounts' events and answers the platform's own with a 200 it ignores.
        var webhook = new Uri(tenancy.Value.PublicUrl.TrimEnd('/') + StripeOptions.WebhookPath);
        _server = await StripeEmulatorServer.StartAsync(
            new StripeEmulatorOptions
            {
                SecretKeys = [keys.SecretKey],
                Port = keys.Port,
                EnvironmentName = environment.EnvironmentName,
                WebhookEndpoints =
                [
                    new StripeEmulatorWebhookEndpoint { Url = webhook, Secrets = [keys.WebhookSecret] },
                    new StripeEmulatorWebhookEndpoint { Url = webhook, Secrets = [keys.WebhookSecret], Connect = true },
                ],
            },
            cancellationToken);
        logger.LogInformation("Stripe emulator (test mode) listening on {ApiBase}", _server.ApiBase);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        var server = Interlocked.Exchange(ref _server, null);
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
