namespace Portal.StripeEmulator.Hosting;

/// <summary>Runs the emulator for the lifetime of a host (the portal's Demo, ./run.sh): started and stopped with it.</summary>
public sealed class StripeEmulatorHost : IHostedService, IAsyncDisposable
{
    private readonly StripeEmulatorOptions _options;
    private StripeEmulatorServer? _server;

    public StripeEmulatorHost(StripeEmulatorOptions options) => _options = options;

    /// <summary>The running emulator; only once the host has started.</summary>
    public StripeEmulatorServer Server => _server ?? throw new InvalidOperationException("The Stripe emulator has not started yet.");

    public async Task StartAsync(CancellationToken cancellationToken) => _server = await StripeEmulatorServer.StartAsync(_options, cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        var server = Interlocked.Exchange(ref _server, null);
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
